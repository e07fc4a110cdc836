namespace EksAccessMigrator.Cli.Views;

/// <summary>Left-aligned plain-text columns; values are never truncated (an ARN cut short is a wrong ARN).</summary>
public static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths)
    {
        var parts = cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]));
        writer.WriteLine(("  " + string.Join("  ", parts)).TrimEnd());
    }
}
