using System.Collections.Immutable;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Finalize phase (issue 5, migration-rules "Phases" 3): removes the aws-auth rows whose principals are fully
/// migrated — every access entry and policy they call for exists, and nothing about them is blocked — together with
/// the rows those shadowed (rule P4), which the authenticator ignored anyway but would obey again once the winner
/// is gone. Everything else in aws-auth stays byte for byte.
/// </summary>
internal static class AwsAuthCleanup
{
    public const string Address = "configmap/kube-system/aws-auth";

    public static ReplaceConfigMapChange? Plan(
        AwsAuthConfigMap awsAuth,
        AwsAuthContents contents,
        ImmutableArray<DesiredAccessEntry> desired,
        IReadOnlyCollection<PlanChange> pending,
        IReadOnlySet<string> overridden,
        FindingList findings)
    {
        var blocked = findings.Items.Where(f => f.Severity == Severity.Blocker).SelectMany(f => f.Sources).ToHashSet(StringComparer.Ordinal);
        var pendingSources = pending.SelectMany(c => c.Sources).ToHashSet(StringComparer.Ordinal);
        var wanted = desired.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        var migrated = contents.Mappings
            .Where(m => wanted.Contains(m.Source) && !blocked.Contains(m.Source) && !pendingSources.Contains(m.Source))
            .ToList();
        var removals = migrated.Select(m => (Mapping: m, Reason: overridden.Contains(m.Source)
                ? "an existing access entry takes precedence over it, so removing it changes nothing"
                : "its access entry (and policies) exist"))
            .Concat(contents.Shadowed
                .Where(s => migrated.Contains(s.Winner))
                .Select(s => (Mapping: s.Shadowed, Reason: $"shadowed by {s.Winner.Source}, which is removed")))
            .ToList();
        if (removals.Count == 0)
        {
            return null;
        }

        var previous = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var after = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var removed = new List<(AwsAuthMapping Mapping, string Reason)>();
        foreach (var section in removals.GroupBy(r => r.Mapping.Section).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var text = awsAuth.Data.First(d => d.Key == section.Key).Text!;
            var edited = AwsAuthEditor.RemoveEntries(text, section.Select(r => r.Mapping.Index).ToHashSet());
            if (edited is null)
            {
                findings.Add(ProjectFindings.SectionNotABlockList(section.Key, [.. section.Select(r => r.Mapping.Source)]));
                continue;
            }

            previous[section.Key] = text;
            after[section.Key] = edited;
            removed.AddRange(section);
        }

        if (removed.Count == 0)
        {
            return null;
        }

        var ordered = removed.OrderBy(r => r.Mapping.Section, StringComparer.Ordinal).ThenBy(r => r.Mapping.Index).ToList();
        return new ReplaceConfigMapChange
        {
            Address = Address,
            Namespace = "kube-system",
            Name = "aws-auth",
            ResourceVersion = awsAuth.ResourceVersion,
            BackupFirst = true,
            RemovedEntries = [.. ordered.Select(r => new RemovedAwsAuthEntry
            {
                Source = r.Mapping.Source,
                Section = r.Mapping.Section,
                Arn = r.Mapping.Arn,
                SsoPermissionSetName = r.Mapping.Sso?.PermissionSetName,
                SsoAccountId = r.Mapping.Sso?.AccountId,
                Username = r.Mapping.Username,
                Groups = r.Mapping.Groups,
                Reason = r.Reason,
            })],
            PreviousData = previous.ToImmutable(),
            Data = after.ToImmutable(),
            Reversible = true,
            Sources = [.. ordered.Select(r => r.Mapping.Source)],
        };
    }
}
