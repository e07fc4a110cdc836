using System.Runtime.CompilerServices;
namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// Bounds what one YAML value can make the parser hold. YamlDotNet builds a scalar in memory whole, so a single huge
/// scalar would cost memory without limit. In an export, every value of a top-level entry is indented below it, so
/// a scalar never spans a line that starts at column 0 with content; this reader refuses a run of more than
/// <see cref="MaxRunChars"/> characters without such a line (Kubernetes stores objects of at most about 1.5 MiB).
/// </summary>
internal sealed class BoundedRunReader(TextReader inner, string file, long maxRunChars = BoundedRunReader.MaxRunChars) : TextReader
{
    public const int MaxRunChars = 64 * 1024 * 1024;

    private long _run;
    private bool _lineStart = true;
    private int _line = 1;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            var one = (char)c;
            Count(new ReadOnlySpan<char>(in one));
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    /// <summary>Counts a chunk a line at a time (the newlines found by a vectorized search, not char by char).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_lineStart && chunk[0] is not (' ' or '\t' or '\r' or '\n'))
            {
                _run = 0;
            }

            var newline = chunk.IndexOf('\n');
            var length = newline < 0 ? chunk.Length : newline;
            _run += length;
            Check();
            if (newline < 0)
            {
                _lineStart &= length == 0;
                return;
            }

            _line++;
            _run++;
            Check();
            _lineStart = true;
            chunk = chunk[(newline + 1)..];
        }
    }

    private void Check()
    {
        if (_run > maxRunChars)
        {
            throw ManifestException.At(file, _line, $"a single value runs past {maxRunChars / 1024 / 1024} MiB; Kubernetes objects are far smaller, so this is not an export (and reading it whole would take memory without bound).");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
