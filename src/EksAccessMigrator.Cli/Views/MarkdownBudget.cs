using System.Text;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// A Markdown document that must fit a size (a GitHub comment holds 65,536 characters). Blocks are appended whole or
/// not at all (the caller asks <see cref="Fits"/> first), so a code fence or a <c>&lt;details&gt;</c> element is never
/// cut; what did not fit is counted, so the document can say what it left out. Room is kept for the final note.
/// </summary>
public sealed class MarkdownBudget(int? limit)
{
    /// <summary>Room kept for the closing of an open element and the note on what was cut.</summary>
    public const int Reserve = 1_200;

    private readonly StringBuilder _text = new();

    public int Length => _text.Length;

    public int ChangesLeftOut { get; private set; }

    public int FindingsLeftOut { get; private set; }

    public int NoOpsLeftOut { get; private set; }

    public int PostureLeftOut { get; private set; }

    public bool Cut => ChangesLeftOut + FindingsLeftOut + NoOpsLeftOut + PostureLeftOut > 0;

    /// <summary>Appends a block that must be there (the summary, the blockers), whatever its size.</summary>
    public void Always(string block) => _text.Append(block);

    public bool Fits(int length) => limit is not { } max || _text.Length + length <= max - Reserve;

    public void LeftOut(int changes = 0, int findings = 0, int noOps = 0, int posture = 0)
    {
        PostureLeftOut += posture;
        ChangesLeftOut += changes;
        FindingsLeftOut += findings;
        NoOpsLeftOut += noOps;
    }

    public override string ToString() => _text.ToString();
}
