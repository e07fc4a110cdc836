using System.Collections.Concurrent;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Aws.Tests.Support;

internal sealed class RecordingWireLog : IAwsWireLog
{
    public ConcurrentQueue<AwsWireLogEntry> Entries { get; } = new();

    public void Log(AwsWireLogEntry entry) => Entries.Enqueue(entry);

    public string Dump() => string.Join('\n', Entries.Select(e =>
        e + " " + string.Join(';', e.RequestHeaders.Select(h => h.Key + "=" + h.Value)) + " " + string.Join(';', e.ResponseHeaders.Select(h => h.Key + "=" + h.Value))));
}
