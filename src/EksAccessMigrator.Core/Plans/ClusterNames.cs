using System.Text.RegularExpressions;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The EKS cluster naming rule (1-100 characters, a letter or digit first, then letters, digits, hyphens and
/// underscores). Names reach file paths (the default journal), so a name that breaks the rule, such as one with
/// <c>../</c>, is refused wherever it enters: the command line, a plan file, a journal.
/// </summary>
public static partial class ClusterNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) => name is { Length: >= 1 and <= MaxLength } && Pattern().IsMatch(name);

    [GeneratedRegex("^[0-9A-Za-z][A-Za-z0-9\\-_]*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();
}
