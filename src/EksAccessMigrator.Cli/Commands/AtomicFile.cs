using EksAccessMigrator.Apply.Journal;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// Writes a file whole or not at all: a temporary file beside it (created 0600 on Unix: plans hold aws-auth
/// contents), then a rename. Only a regular file is replaced: a symbolic link, a directory, a device or a file the
/// user may not write is refused with a <see cref="UsageException"/> (exit 1) and nothing is written.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(content)));
    }

    /// <summary>Writes what <paramref name="write"/> puts in the stream, under the same rules as the text overload.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"cannot write {path}: the directory {directory} does not exist.");
        }

        var kind = FileKind.Of(full);
        if (kind is not "absent" and not "regular file")
        {
            throw new UsageException($"refused to write {path}: it is a {kind}, and only regular files are written; nothing was written.");
        }

        if (kind == "regular file" && (new FileInfo(full).IsReadOnly || !Writable(full)))
        {
            throw new UsageException($"refused to write {path}: the file is read-only; nothing was written.");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, OwnerOnlyFile.Options(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool Writable(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
