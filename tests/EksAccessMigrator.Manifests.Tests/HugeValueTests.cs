namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Issue 12: a single huge scalar is refused with a clear error instead of being held in memory whole.</summary>
public sealed class HugeValueTests
{
    /// <summary>A document whose one value is larger than any Kubernetes object, produced lazily.</summary>
    private sealed class HugeValue(long chars, bool block) : TextReader
    {
        private readonly string _head = block
            ? "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: |\n"
            : "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: ";

        private long _position;

        public long Produced => _position;

        public override int Read(Span<char> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < _head.Length + chars)
            {
                buffer[written++] = _position < _head.Length ? _head[(int)_position]
                    : block && (_position - _head.Length) % 80 == 0 ? '\n'
                    : block && (_position - _head.Length) % 80 < 4 ? ' '
                    : 'x';
                _position++;
            }

            return written;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read() => _position < _head.Length + chars ? Read(new char[1]) == 1 ? 'x' : -1 : -1;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AValueLargerThanAnyObject_IsRefused_BeforeItIsReadWhole(bool block)
    {
        var source = new HugeValue(4L * 1024 * 1024 * 1024, block);

        var error = Assert.Throws<ManifestException>(() => ManifestStreamReader.Read(source, "huge.yaml", _ => { }, CancellationToken.None));

        Assert.StartsWith("huge.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs past 64 MiB", error.Message, StringComparison.Ordinal);
        Assert.True(source.Produced < 80L * 1024 * 1024, $"{source.Produced} characters read");
    }
}
