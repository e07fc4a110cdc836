using System.Text;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>
/// Appends one JSON line per record, chained to the one before (<see cref="JournalChain"/>), and flushes it to disk
/// (fsync) before returning. Opened through <see cref="JournalFile"/>, which holds the journal's lock.
/// </summary>
internal sealed class JournalWriter
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private string? _last;
    private bool _frozen;

    internal JournalWriter(FileStream stream, TimeProvider time, string? lastHash)
    {
        _stream = stream;
        _time = time;
        _last = lastHash;
    }

    public void Append(JournalRecordType type, JsonObject record)
    {
        var line = new JsonObject { ["type"] = type.Wire(), ["at"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in record)
        {
            line[key] = value?.DeepClone();
        }

        lock (_gate)
        {
            if (_frozen)
            {
                return;
            }

            line[JournalChain.Field] = _last ?? (type == JournalRecordType.Header ? record["planHash"]?.GetValue<string>() : null)
                ?? throw new InvalidOperationException("A journal starts with its header record.");
            var bytes = Encoding.UTF8.GetBytes(line.ToJsonString());
            _stream.Write(bytes);
            _stream.WriteByte((byte)'\n');
            _stream.Flush(flushToDisk: true);
            _last = JournalChain.Hash(bytes);
        }
    }

    /// <summary>Stops all further writes, as a killed process would (used by the crash test hook).</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozen = true;
        }
    }
}
