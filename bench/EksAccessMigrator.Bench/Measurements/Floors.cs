using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using YamlDotNet.Core;

namespace EksAccessMigrator.Bench.Measurements;

/// <summary>
/// The parsers' floors: reading every token of a file and building nothing. The whole-command table times them over
/// the export files; the micro-benchmarks (<c>Micro/ReaderBenchmarks</c>) run the same loops over the export in memory.
/// </summary>
internal static class Floors
{
    public static TimeSpan Yaml(string path) => Best(() =>
    {
        using var reader = File.OpenText(path);
        YamlEvents(reader);
    });

    /// <summary>YamlDotNet's <see cref="Parser"/> reading every event of <paramref name="text"/>; returns how many.</summary>
    public static long YamlEvents(TextReader text)
    {
        var parser = new Parser(text);
        var events = 0L;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    public static TimeSpan Json(string path) => Best(() =>
    {
        using var stream = File.OpenRead(path);
        JsonTokens(stream);
    });

    /// <summary>
    /// <c>Utf8JsonReader</c> over <paramref name="stream"/> in pooled 1 MiB blocks (the reader's state carried across
    /// blocks), reading every token; returns how many.
    /// </summary>
    public static long JsonTokens(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var state = default(JsonReaderState);
        var kept = 0;
        var tokens = 0L;
        try
        {
            while (true)
            {
                var read = stream.Read(buffer, kept, buffer.Length - kept);
                var final = read == 0;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                if (final)
                {
                    return tokens;
                }

                state = reader.CurrentState;
                kept = kept + read - (int)reader.BytesConsumed;
                buffer.AsSpan((int)reader.BytesConsumed, kept).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Best of three after a warm-up.</summary>
    public static TimeSpan Best(Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}
