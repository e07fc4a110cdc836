using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>
/// Removes entries from an aws-auth section's YAML text, leaving every other byte as it was (formatting, comments,
/// order), so that what remains is exactly what the operator wrote.
/// </summary>
public static class AwsAuthEditor
{
    /// <summary>
    /// The section text without the entries at <paramref name="indexes"/>; null when the section is not a block list
    /// (a flow list such as <c>[{...}]</c> cannot be edited without rewriting it, which a person must do).
    /// </summary>
    public static string? RemoveEntries(string sectionText, IReadOnlySet<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(sectionText);
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 0)
        {
            return sectionText;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(sectionText));
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } sequence)
        {
            return null;
        }

        var starts = sequence.Children.Select(item => ItemStart(sectionText, (int)item.Start.Index)).ToList();
        if (starts.Any(s => s < 0))
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(sectionText.Length);
        kept.Append(sectionText, 0, starts.Count == 0 ? sectionText.Length : starts[0]);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : sectionText.Length;
            if (!indexes.Contains(i))
            {
                kept.Append(sectionText, starts[i], end - starts[i]);
            }
        }

        return kept.ToString().Trim().Length == 0 ? string.Empty : kept.ToString();
    }

    /// <summary>The start of the line that holds the item's <c>-</c>; -1 when there is none (not a block item).</summary>
    private static int ItemStart(string text, int nodeStart)
    {
        var i = Math.Min(nodeStart, text.Length) - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i < 0 || text[i] != '-')
        {
            return -1;
        }

        var lineStart = text.LastIndexOf('\n', i);
        return lineStart + 1;
    }
}
