using System.Runtime.InteropServices;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices, which look like files to .NET but block or never end when
/// read (a FIFO waits for a writer forever). Linux: <c>statx(2)</c>, whose buffer layout is the same on every
/// architecture; elsewhere every existing file counts as regular.
/// </summary>
internal static partial class RegularFiles
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    public static bool IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return File.Exists(path);
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & TypeMask) == RegularType;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
