using System.Runtime.InteropServices;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// What kind of file a path names, without following a symbolic link (the runtime's own <c>lstat</c> shim on Unix,
/// whose <c>Mode</c> carries the normalised file-type bits). Windows reports regular files and directories only.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;

    /// <summary>"absent", "regular file", "directory", "symbolic link" or "device or other special file".</summary>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            return info.LinkTarget is not null ? "symbolic link" : System.IO.Directory.Exists(path) ? "directory" : info.Exists ? "regular file" : "absent";
        }

        var status = Marshal.AllocHGlobal(512);
        try
        {
            if (NativeMethods.LStat(path, status) != 0)
            {
                return "absent";
            }

            return (Marshal.ReadInt32(status, 4) & TypeMask) switch
            {
                Regular => "regular file",
                Directory => "directory",
                SymbolicLink => "symbolic link",
                _ => "device or other special file",
            };
        }
        finally
        {
            Marshal.FreeHGlobal(status);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr status);
    }
}
