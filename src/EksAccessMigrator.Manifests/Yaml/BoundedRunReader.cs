namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// Bounds what one YAML value can make the parser hold. YamlDotNet builds a scalar in memory whole, so a single huge
/// scalar would cost memory without limit. In an export, every value of a top-level entry is indented below it, so
/// a scalar never spans a line that starts at column 0 with content; this reader refuses a run of more than
/// <see cref="MaxRunChars"/> characters without such a line (Kubernetes stores objects of at most about 1.5 MiB).
/// </summary>
internal sealed class BoundedRunReader(TextReader inner, string file) : TextReader
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
            Count((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        foreach (var c in buffer[..read])
        {
            Count(c);
        }

        return read;
    }

    private void Count(char c)
    {
        if (_lineStart && c is not (' ' or '\t' or '\r' or '\n'))
        {
            _run = 0;
        }

        _lineStart = c == '\n';
        if (_lineStart)
        {
            _line++;
        }

        if (++_run > MaxRunChars)
        {
            throw ManifestException.At(file, _line, $"a single value runs past {MaxRunChars / 1024 / 1024} MiB; Kubernetes objects are far smaller, so this is not an export (and reading it whole would take memory without bound).");
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
