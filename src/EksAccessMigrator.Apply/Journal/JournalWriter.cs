using System.Text;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>Appends one JSON line per record and flushes it to disk (fsync) before returning.</summary>
internal sealed class JournalWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private bool _frozen;

    private JournalWriter(FileStream stream, TimeProvider time)
    {
        _stream = stream;
        _time = time;
    }

    public static JournalWriter Open(string path, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        return new JournalWriter(stream, time);
    }

    public void Append(string type, JsonObject record)
    {
        var line = new JsonObject { ["type"] = type, ["at"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in record)
        {
            line[key] = value?.DeepClone();
        }

        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        lock (_gate)
        {
            if (_frozen)
            {
                return;
            }

            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
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

    public void Dispose() => _stream.Dispose();
}
