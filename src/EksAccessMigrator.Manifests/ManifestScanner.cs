using System.Text;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests;

/// <summary>Streams every input file past the collectors. Files are read once, in a stable order.</summary>
public static class ManifestScanner
{
    private const int ObjectsPerBatch = 8;

    public static int Scan(IEnumerable<string> paths, IReadOnlyList<IManifestCollector> collectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        var objects = 0;
        foreach (var file in InputFiles.Expand(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            void Visit(ManifestObject manifest)
            {
                objects++;
                foreach (var collector in collectors)
                {
                    collector.Visit(manifest);
                }
            }

            try
            {
                int documents;
                if (IsJson(file))
                {
                    // The reader builds each List item on a thread of its own while the collectors take the items
                    // before it here, in file order; its error, if any, comes after every item before it.
                    using var stream = OpenStream(file);
                    var read = 0;
                    using (var items = new ReadAhead<ManifestObject>((sink, token) => read = JsonManifestReader.Read(stream, file, o => sink.Add(o), token), ObjectsPerBatch, int.MaxValue, spin: true, cancellationToken))
                    {
                        while (items.TryTake(out var manifest))
                        {
                            Visit(manifest);
                        }
                    }

                    documents = read;
                }
                else
                {
                    using var reader = OpenText(file);
                    documents = ManifestStreamReader.Read(reader, file, Visit, cancellationToken);
                }

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

    /// <summary>A <c>.json</c> file whose first character is <c>{</c> takes the JSON path; everything else is YAML.</summary>
    private static bool IsJson(string file)
    {
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var stream = OpenStream(file);
        Span<byte> head = stackalloc byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = head[..read];
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var first = text.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r');
        while (first >= 0 && text[first] == (byte)'\n')
        {
            text = text[(first + 1)..];
            first = text.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r');
        }

        return first >= 0 && text[first] == (byte)'{';
    }

    private static FileStream OpenStream(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ManifestException($"{file}: cannot be read: {ex.Message}", ex);
        }
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
