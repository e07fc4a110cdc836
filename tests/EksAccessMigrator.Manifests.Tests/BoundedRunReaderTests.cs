using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// The bound on one value's run (issue 12) counted a line at a time (issue 11) must refuse exactly what counting
/// char by char refuses, at the same line, wherever the reads split the text.
/// </summary>
public sealed class BoundedRunReaderTests
{
    private const int Max = 40;

    [Fact]
    public void LineAtATimeCounting_RefusesWhatCharByCharCountingRefuses_AtTheSameLine()
    {
        var random = new Random(20261201);
        var refused = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var text = Text(random);
            var expected = CharByChar(text);
            var reader = new BoundedRunReader(new SplittingReader(text, random.Next(1, 12)), "x.yaml", Max);

            var actual = Read(reader);

            Assert.True(expected == actual, $"case {n}: expected {expected?.ToString() ?? "accepted"}, got {actual?.ToString() ?? "accepted"} for {text.ReplaceLineEndings("\\n")}");
            refused += expected is null ? 0 : 1;
        }

        // Both outcomes were exercised.
        Assert.InRange(refused, 300, 2_700);
    }

    private static string Text(Random random)
    {
        var chars = new char[random.Next(0, 160)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => '\n',
                1 => ' ',
                2 => '\t',
                3 => '\r',
                _ => 'a',
            };
        }

        return new string(chars);
    }

    /// <summary>The rule, one char at a time: a run restarts at a line whose first char is content, and may not pass <see cref="Max"/>.</summary>
    private static int? CharByChar(string text)
    {
        var (run, lineStart, line) = (0L, true, 1);
        foreach (var c in text)
        {
            if (lineStart && c is not (' ' or '\t' or '\r' or '\n'))
            {
                run = 0;
            }

            lineStart = c == '\n';
            line += lineStart ? 1 : 0;
            if (++run > Max)
            {
                return line;
            }
        }

        return null;
    }

    private static int? Read(TextReader reader)
    {
        try
        {
            var buffer = new char[64];
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return null;
        }
        catch (ManifestException ex)
        {
            return int.Parse(ex.Message.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Hands out at most <c>chunk</c> chars a read, so the reads split lines anywhere.</summary>
    private sealed class SplittingReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }
}
