using System.Buffers;
using System.Text;

namespace EksAccessMigrator.Cli.Views;

/// <summary>Makes input-derived text safe to print: hostile names cannot move the cursor, inject terminal escapes or break tables.</summary>
public static class Text
{
    /// <summary>Every character <see cref="IsUnsafe"/> refuses, for a vectorized search (a plan's table escapes tens of thousands of strings).</summary>
    private static readonly SearchValues<char> Unsafe = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsUnsafe)]);

    /// <summary>Control characters (ESC, CR, LF, ...) become visible <c>\uXXXX</c> escapes.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!text.AsSpan().ContainsAny(Unsafe))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Safe text for a Markdown table cell: pipes, angle brackets and backticks escaped.</summary>
    public static string Markdown(string? text) =>
        Safe(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A Markdown code span that holds any text (backticks inside are fenced with longer runs).</summary>
    public static string Code(string? text)
    {
        var safe = Safe(text).Replace("|", "\\|", StringComparison.Ordinal);
        if (safe.Length == 0)
        {
            return string.Empty;
        }

        var longest = 0;
        var run = 0;
        foreach (var c in safe)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = safe.StartsWith('`') || safe.EndsWith('`') ? " " : string.Empty;
        return $"{fence}{pad}{safe}{pad}{fence}";
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E';
}
