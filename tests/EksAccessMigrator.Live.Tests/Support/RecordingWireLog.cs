using System.Collections.Concurrent;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The debug wire log of a run, kept whole so tests can search everything it received.</summary>
internal sealed class RecordingWireLog : IAwsWireLog
{
    public ConcurrentQueue<AwsWireLogEntry> Entries { get; } = new();

    public void Log(AwsWireLogEntry entry) => Entries.Enqueue(entry);

    public string Dump() => string.Join('\n', Entries.Select(e =>
        $"{e} {e.Url} {e.Error} " + string.Join(';', e.RequestHeaders.Select(h => h.Key + "=" + h.Value)) + " " + string.Join(';', e.ResponseHeaders.Select(h => h.Key + "=" + h.Value))));
}
