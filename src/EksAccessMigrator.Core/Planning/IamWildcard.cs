using System.Text.RegularExpressions;

namespace EksAccessMigrator.Core.Planning;

/// <summary>IAM's wildcards in actions and resources: <c>*</c> any run of characters, <c>?</c> one character.</summary>
internal static class IamWildcard
{
    public static bool HasWildcard(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal);

    /// <summary>Actions match case-insensitively, resources (ARNs) case-sensitively.</summary>
    public static bool Matches(string pattern, string text, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(text, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
