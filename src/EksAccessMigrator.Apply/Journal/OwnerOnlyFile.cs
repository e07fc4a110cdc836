namespace EksAccessMigrator.Apply.Journal;

/// <summary>Files and directories the tool creates are the owner's only (0600 and 0700 on Unix): they hold aws-auth contents.</summary>
public static class OwnerOnlyFile
{
    /// <summary>rw------- for files.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ for directories.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options for a new file, created 0600 on Unix.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            result.UnixCreateMode = FileMode;
        }

        return result;
    }

    /// <summary>Creates the directory (0700 on Unix) when it does not exist.</summary>
    public static void CreateDirectory(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }
    }

    /// <summary>Writes a new file (or replaces one) readable by its owner only.</summary>
    public static async Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, Options(System.IO.FileMode.Create, FileAccess.Write, FileShare.None));
        await using (stream.ConfigureAwait(false))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
            }

            var bytes = new System.Text.UTF8Encoding(false).GetBytes(content);
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
