using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Invariant I4: every entry that was read ends as a change, a no-op or a finding. A source that ends
/// nowhere is a planner bug, so it fails loudly instead of yielding a plan that drops something.
/// </summary>
public static class SourceAccounting
{
    public static ImmutableArray<string> Unaccounted(IEnumerable<string> read, MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var seen = plan.Changes.SelectMany(c => c.Sources)
            .Concat(plan.NoOps.SelectMany(n => n.Sources))
            .Concat(plan.Findings.SelectMany(f => f.Sources))
            .ToHashSet(StringComparer.Ordinal);
        return [.. read.Where(s => !seen.Contains(s) && !seen.Contains(SectionOf(s))).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary><c>aws-auth/mapRoles[3]</c> is covered by a finding about <c>aws-auth/mapRoles</c> or <c>aws-auth</c>.</summary>
    private static string SectionOf(string source)
    {
        var bracket = source.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? source : source[..bracket];
    }
}
