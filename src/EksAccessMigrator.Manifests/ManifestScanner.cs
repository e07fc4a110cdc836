using System.Text;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests;

/// <summary>Streams every input file past the collectors. Files are read once, in a stable order.</summary>
public static class ManifestScanner
{
    public static int Scan(IEnumerable<string> paths, IReadOnlyList<IManifestCollector> collectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        var objects = 0;
        foreach (var file in InputFiles.Expand(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = OpenText(file);
            try
            {
                var documents = ManifestStreamReader.Read(reader, file, manifest =>
                {
                    objects++;
                    foreach (var collector in collectors)
                    {
                        collector.Visit(manifest);
                    }
                }, cancellationToken);
                if (documents == 0)
                {
                    throw new ManifestException($"{file}: holds no Kubernetes object (it is empty, or only comments and '---'); export it again, or leave it out of --from.");
                }
            }
            catch (DecoderFallbackException ex)
            {
                throw new ManifestException($"{file}: is not UTF-8 text ({ex.Message}); --from takes YAML or JSON manifests.", ex);
            }
        }

        return objects;
    }

    private static StreamReader OpenText(string file)
    {
        try
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ManifestException($"{file}: cannot be read: {ex.Message}", ex);
        }
    }
}
