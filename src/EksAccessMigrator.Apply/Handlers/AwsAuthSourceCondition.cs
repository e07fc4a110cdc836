using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// The part of a change's precondition that concerns where it came from: a change made from aws-auth rows
/// (access entries, their policies) is stale when the aws-auth sections it came from read differently than when the
/// plan was made (<see cref="MigrationPlan.AwsAuthRead"/>). ReplaceConfigMap carries its own, exact precondition.
/// </summary>
internal static class AwsAuthSourceCondition
{
    private const string Prefix = "aws-auth/";

    /// <summary>Why the change is stale, or null when its aws-auth sources are as the plan read them (or it has none).</summary>
    public static async Task<string?> StaleAsync(PlanChange change, StepContext ctx, CancellationToken ct)
    {
        if (change is ReplaceConfigMapChange || ctx.Plan?.AwsAuthRead is not { } planned)
        {
            return null;
        }

        var sections = change.Sources.Where(s => s.StartsWith(Prefix, StringComparison.Ordinal)).Select(Section).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (sections.Count == 0)
        {
            return null;
        }

        // Read after this check began (shared with the steps checking at the same time, never an older read).
        var (exists, now) = await ctx.AwsAuthNow.ReadAsync(ct).ConfigureAwait(false);
        var changed = AwsAuthRead.Changed(planned, now).Where(sections.Contains).ToList();
        return changed.Count == 0
            ? null
            : $"aws-auth {(!exists ? "was deleted" : string.Join(", ", changed) + " changed")} since the plan was made, and this change was made from {string.Join(", ", change.Sources.Where(s => s.StartsWith(Prefix, StringComparison.Ordinal)))}; re-plan";
    }

    private static string? Section(string source)
    {
        var rest = source[Prefix.Length..];
        var end = rest.IndexOfAny(['[', '/', '.']);
        var section = end < 0 ? rest : rest[..end];
        return AwsAuthRead.Sections.Contains(section, StringComparer.Ordinal) ? section : null;
    }
}
