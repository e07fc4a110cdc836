namespace EksAccessMigrator.Cli.Views;

/// <summary>A part of the Markdown review: an opening (heading, table header), rows, and a closing.</summary>
public sealed record MarkdownSection(string Opening, IReadOnlyList<string> Rows, string Closing, MarkdownSection.Kind Of)
{
    /// <summary>What the rows are, for the note on what was cut.</summary>
    public enum Kind
    {
        Changes,
        Findings,
        NoOps,
        Posture,
    }

    /// <summary>The longest "N more not shown" line.</summary>
    public const int MoreLineLength = 60;

    /// <summary>What the section needs however little of it fits: its opening, its closing and the "more" line.</summary>
    public int SkeletonLength => Opening.Length + Closing.Length + MoreLineLength;

    public static string MoreLine(int left) => $"\n_{left} more not shown here (see the note at the end)._\n";
}
