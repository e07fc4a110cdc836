namespace EksAccessMigrator.Cli.Commands;

/// <summary>Writes a file whole or not at all: a temporary file beside it, then a rename.</summary>
public static class AtomicFile
{
    public static void Write(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"cannot write {path}: the directory {directory} does not exist.");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(false));
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
}
