namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// Left-aligned plain-text columns. Values are never cut (an ARN cut short is a wrong ARN): given a width (the
/// terminal's), the widest columns are narrowed and their cells wrap onto more lines until the table fits.
/// </summary>
public static class TextTable
{
    private const int Indent = 2;
    private const int Gap = 2;
    private const int NarrowestColumn = 12;

    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        if (width is { } limit)
        {
            Fit(widths, limit);
        }

        WriteRow(writer, headers, widths);
        foreach (var row in rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>Narrows the widest column, one character at a time, until the table fits or no column can give more.</summary>
    private static void Fit(int[] widths, int limit)
    {
        while (Indent + widths.Sum() + (Gap * (widths.Length - 1)) > limit)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= NarrowestColumn)
            {
                return;
            }

            widths[widest]--;
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, widths[i])).ToList();
        var lines = wrapped.Max(w => w.Count);
        for (var line = 0; line < lines; line++)
        {
            var parts = wrapped.Select((w, i) => (line < w.Count ? w[line] : string.Empty) is var part && i < wrapped.Count - 1 ? part.PadRight(widths[i]) : part);
            writer.WriteLine((new string(' ', Indent) + string.Join(new string(' ', Gap), parts)).TrimEnd());
        }
    }

    /// <summary>Splits a cell into lines of at most <paramref name="width"/>, preferring breaks after ' ', '/', ':' or ','.</summary>
    private static List<string> Wrap(string cell, int width)
    {
        var lines = new List<string>();
        var rest = cell;
        while (rest.Length > width)
        {
            var cut = rest.LastIndexOfAny([' ', '/', ':', ','], width - 1);
            cut = cut <= 0 ? width : cut + 1;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        lines.Add(rest);
        return lines;
    }
}
