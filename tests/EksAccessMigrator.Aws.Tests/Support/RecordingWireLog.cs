using System.Collections.Concurrent;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Aws.Tests.Support;

internal sealed class RecordingWireLog(Action<AwsWireLogEntry>? onEntry = null) : IAwsWireLog
{
    public ConcurrentQueue<AwsWireLogEntry> Entries { get; } = new();

    public void Log(AwsWireLogEntry entry)
    {
        Entries.Enqueue(entry);
        onEntry?.Invoke(entry);
    }

    public string Dump() => string.Join('\n', Entries.Select(e =>
        e + " " + string.Join(';', e.RequestHeaders.Select(h => h.Key + "=" + h.Value)) + " " + string.Join(';', e.ResponseHeaders.Select(h => h.Key + "=" + h.Value))));
}
