using System.Text.Json;
using System.Text.RegularExpressions;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Rule K4: whether a namespace let its pods have a role. kube2iam (with <c>--namespace-restrictions</c>): a JSON
/// array of globs or unanchored regexps, each completed with the base ARN unless it is an ARN; kiam: one regexp,
/// wrapped as <c>"^" + expr + "$"</c> unless strict matching is off. No annotation, or one that does not parse, allows
/// nothing. kube2iam's default role is always allowed; the caller checks that first.
/// </summary>
internal static class NamespaceRestrictions
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Null when permitted; otherwise why not.</summary>
    public static string? Denied(string roleArn, string ns, NamespaceInfo? info, IdentityConfiguration config)
    {
        if (!config.Restrictions)
        {
            return null;
        }

        if (info is null || !info.Annotations.TryGetValue(config.NamespaceKey, out var annotation))
        {
            return $"namespace {ns} has no {config.NamespaceKey} annotation, so {(config.IsKiam ? "kiam" : "kube2iam")} allows no role there";
        }

        return config.IsKiam ? KiamDenied(roleArn, ns, annotation, config) : Kube2iamDenied(roleArn, ns, annotation, config);
    }

    private static string? KiamDenied(string roleArn, string ns, string pattern, IdentityConfiguration config)
    {
        // kiam builds its strict expression by concatenation, so an alternation binds ^ to its first branch and $ to its last.
        var expression = config.KiamStrict ? "^" + pattern + "$" : pattern;
        return Matches(expression, roleArn) switch
        {
            true => null,
            false => $"namespace {ns} permits '{pattern}' ({(config.KiamStrict ? $"strict: matched as '{expression}'" : "lax: unanchored")}), which does not match {roleArn}",
            null => $"namespace {ns}'s {config.NamespaceKey} '{pattern}' is not a valid regular expression, so kiam allows no role there",
        };
    }

    private static string? Kube2iamDenied(string roleArn, string ns, string annotation, IdentityConfiguration config)
    {
        List<string>? patterns;
        try
        {
            patterns = JsonSerializer.Deserialize<List<string>>(annotation);
        }
        catch (JsonException)
        {
            patterns = null;
        }

        if (patterns is null)
        {
            return $"namespace {ns}'s {config.NamespaceKey} is not a JSON array of strings, so kube2iam allows no role there";
        }

        foreach (var raw in patterns)
        {
            var pattern = raw.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || config.BaseArn is null ? raw : config.BaseArn + raw;
            var regex = config.RestrictionFormat == "regexp" ? pattern : "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
            if (Matches(regex, roleArn) == true)
            {
                return null;
            }
        }

        return patterns.Count == 0
            ? $"namespace {ns}'s {config.NamespaceKey} is an empty list"
            : $"namespace {ns} allows {string.Join(", ", patterns.Select(p => $"'{p}'"))} ({config.RestrictionFormat}), none of which matches {roleArn}";
    }

    private static bool? Matches(string pattern, string input)
    {
        try
        {
            return Regex.IsMatch(input, pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
