namespace EksAccessMigrator.Manifests;

/// <summary>An input file that cannot be read as manifests; the message names the file and line.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException()
    {
    }

    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ManifestException At(string file, int line, string message) =>
        new(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}");
}
