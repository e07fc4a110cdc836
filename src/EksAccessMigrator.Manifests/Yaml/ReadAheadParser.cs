using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// YamlDotNet's parser on a thread of its own (<see cref="ReadAhead{T}"/>): the parser is most of a YAML scan's time,
/// so the nodes are built and the collectors run on the caller's thread meanwhile. The caller sees the same events in
/// the same order, and the parser's errors (and its input's: too long a run, not UTF-8, I/O) where they occur.
/// At most a few batches of <see cref="BatchEvents"/> events or <see cref="BatchChars"/> characters of scalars wait.
/// </summary>
internal sealed class ReadAheadParser(IParser inner, CancellationToken cancellationToken) : IParser, IDisposable
{
    public const int BatchEvents = 1024;
    public const int BatchChars = 256 * 1024;

    private readonly ReadAhead<ParsingEvent> _events = new(
        (sink, token) =>
        {
            while (inner.MoveNext())
            {
                var e = inner.Current!;
                sink.Add(e, e is Scalar scalar ? scalar.Value.Length : 0);
            }

            token.ThrowIfCancellationRequested();
        },
        BatchEvents,
        BatchChars,
        spin: false,
        cancellationToken);

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        var more = _events.TryTake(out var next);
        Current = next;
        return more;
    }

    public void Dispose() => _events.Dispose();
}
