using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreateAccessEntry.</summary>
internal static class AccessEntryHandler
{
    public static async Task<StepPreparation> PrepareCreateAsync(CreateAccessEntryChange change, StepContext ctx, CancellationToken ct)
    {
        // Not listed when the checks began: the create itself is the check (EKS refuses a second entry; see below).
        var existing = ctx.EntryListing?.CertainlyAbsent(change.PrincipalArn) == true ? null : await FindAsync(ctx, change.PrincipalArn, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return Matches(existing, change)
                ? StepPreparation.Done("an identical access entry exists" + Ownership.Describe(existing.Tags), Describe(existing))
                : StepPreparation.Stale($"an access entry for {change.PrincipalArn} exists and differs ({Text(existing)}); the plan expected none and wants {Text(change.Type.Wire(), change.Username, change.KubernetesGroups)}; re-plan");
        }

        var request = new NewAccessEntry(
            ctx.ClusterName,
            change.PrincipalArn,
            change.Type.Wire(),
            change.Username,
            change.KubernetesGroups.IsEmpty ? null : [.. change.KubernetesGroups],
            ctx.RequestToken(change.Address),
            OwnershipMarkers.Tags(ctx.PlanHash));
        var call = new PlannedCall("CreateAccessEntry", $"{ctx.ClusterName}/{change.PrincipalArn}", Json.Body(new { principalArn = change.PrincipalArn, type = change.Type.Wire(), username = change.Username, kubernetesGroups = request.KubernetesGroups }));
        return StepPreparation.ToWrite("create the access entry", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            if (await ctx.Clients.AccessEntries.CreateAsync(request, t).ConfigureAwait(false) is { } created)
            {
                return StepWrite.Ok("created", Describe(created));
            }

            // EKS reported the entry in use: one appeared since the check.
            var now = await FindAsync(ctx, change.PrincipalArn, t).ConfigureAwait(false);
            return now is not null && Matches(now, change)
                ? StepWrite.Ok("an identical access entry exists", Describe(now))
                : StepWrite.Stale($"an access entry for {change.PrincipalArn} appeared meanwhile and differs ({(now is null ? "gone" : Text(now))})");
        });
    }

    public static async Task<UndoOutcome> UndoCreateAsync(CreateAccessEntryChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed") || before is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the access entry existed before the migration");
        }

        var existing = await FindAsync(ctx, change.PrincipalArn, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the access entry does not exist");
        }

        if (!Matches(existing, change))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the access entry was changed since the migration ({Text(existing)}); left in place");
        }

        if (!Ownership.MadeBy(existing.Tags, ctx.PlanHash))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the access entry exists, but " + Ownership.NotOurs);
        }

        if (await ctx.Clients.AccessEntries.ListAssociatedPoliciesAsync(ctx.ClusterName, change.PrincipalArn, ct).ConfigureAwait(false) is not { } associated)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the access entry does not exist");
        }

        var policies = associated.Select(p => p.PolicyArn).ToList();
        if (policies.Count > 0)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the access entry has policies the migration did not leave ({string.Join(", ", policies)}); left in place");
        }

        await ctx.Clients.AccessEntries.DeleteAsync(ctx.ClusterName, change.PrincipalArn, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "deleted the access entry");
    }

    /// <summary>The entry; null when none exists (also when access entries are not enabled yet: CONFIG_MAP, a dry run before the mode change).</summary>
    internal static Task<AccessEntry?> FindAsync(StepContext ctx, string principalArn, CancellationToken ct) =>
        ctx.Clients.AccessEntries.DescribeAsync(ctx.ClusterName, principalArn, ct);

    /// <summary>Node types (EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX) get their username and groups from EKS: only the type counts.</summary>
    private static bool Matches(AccessEntry entry, CreateAccessEntryChange change) =>
        string.Equals(entry.Type ?? "STANDARD", change.Type.Wire(), StringComparison.Ordinal)
        && (change.Type != AccessEntryType.Standard || SameIdentity(entry, change.Username, change.KubernetesGroups));

    private static bool SameIdentity(AccessEntry entry, string? username, IEnumerable<string> groups) =>
        (username is null || string.Equals(entry.Username, username, StringComparison.Ordinal)) && SameGroups(entry.KubernetesGroups, groups);

    private static bool SameGroups(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static JsonObject Describe(AccessEntry entry) => new()
    {
        ["type"] = entry.Type,
        ["username"] = entry.Username,
        ["kubernetesGroups"] = Json.Strings(entry.KubernetesGroups.Order(StringComparer.Ordinal)),
    };

    private static string Text(AccessEntry entry) => Text(entry.Type, entry.Username, entry.KubernetesGroups);

    private static string Text(string? type, string? username, IEnumerable<string> groups) =>
        $"type {type ?? "STANDARD"}, username {username ?? "(generated)"}, groups [{string.Join(", ", groups)}]";
}
