using System.Text.RegularExpressions;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>
/// Reads the rule tables of docs/mapping-rules.md and docs/mapping-rules-workloads.md: every table row whose first
/// cell is a rule id (P1, A9, K5, X4, W6, Blockers), and the codes of its codes column. A parenthesis that starts with
/// a severity (<c>(blocker)</c>, <c>(warnings)</c>, <c>(info, ...)</c>) gives that severity to every code listed since
/// the previous parenthesis of the cell.
/// </summary>
internal static partial class RuleTables
{
    public static readonly string[] Files = ["mapping-rules.md", "mapping-rules-workloads.md"];

    public static IReadOnlyList<DocumentedCode> Read()
    {
        var result = new List<DocumentedCode>();
        foreach (var file in Files)
        {
            int? codesColumn = null;
            foreach (var line in File.ReadLines(Repo.Path_("docs", file)))
            {
                if (!line.StartsWith('|'))
                {
                    codesColumn = null;
                    continue;
                }

                var cells = Cells(line);
                if (codesColumn is null)
                {
                    var index = cells.FindIndex(c => c.Contains("codes", StringComparison.OrdinalIgnoreCase));
                    codesColumn = index < 0 ? -1 : index;
                    continue;
                }

                if (codesColumn < 0 || codesColumn >= cells.Count || !RuleId().IsMatch(cells[0]))
                {
                    continue;
                }

                result.AddRange(Codes(cells[codesColumn.Value]).Select(c => new DocumentedCode(file, cells[0], c.Code, c.Severity)));
            }
        }

        return result;
    }

    /// <summary>The codes of one cell with the severity of the parenthesis after them.</summary>
    public static IEnumerable<(string Code, string? Severity)> Codes(string cell)
    {
        var pending = new List<string>();
        foreach (Match token in Token().Matches(cell))
        {
            if (token.Groups["code"].Success)
            {
                if (CodeShape().IsMatch(token.Groups["code"].Value))
                {
                    pending.Add(token.Groups["code"].Value);
                }

                continue;
            }

            var severity = Severity(token.Groups["paren"].Value);
            if (severity is null)
            {
                continue;
            }

            foreach (var code in pending)
            {
                yield return (code, severity);
            }

            pending.Clear();
        }

        foreach (var code in pending)
        {
            yield return (code, null);
        }
    }

    private static string? Severity(string parenthesis)
    {
        var first = parenthesis.Split([',', ' ', ';', ':'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return first switch
        {
            "blocker" or "blockers" => "Blocker",
            "warning" or "warnings" => "Warning",
            "info" => "Info",
            _ => null,
        };
    }

    private static List<string> Cells(string line) =>
        [.. EscapedPipe().Split(line.Trim().Trim('|')).Select(c => c.Trim())];

    [GeneratedRegex(@"^(?:[PAMKRXWSN]\d+|Blockers)$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"`(?<code>[^`]+)`|\((?<paren>[^()]*)\)")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)+$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex EscapedPipe();
}
