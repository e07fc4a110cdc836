using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>AssociateAccessPolicy.</summary>
internal static class AccessPolicyHandler
{
    public static async Task<StepPreparation> PrepareAsync(AssociateAccessPolicyChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await FindAsync(ctx, change, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return SameScope(existing, change.AccessScope)
                ? StepPreparation.Done("the policy is already associated with this scope", Describe(existing))
                : StepPreparation.Stale($"{change.PolicyArn} is associated with {change.PrincipalArn} at another scope ({Key(existing.Scope)}; the plan wants {change.AccessScope.Key}); re-plan");
        }

        var scope = new PolicyScope(change.AccessScope.Type.Wire(), change.AccessScope.Type == AccessScopeType.Namespace ? [.. change.AccessScope.Namespaces] : null);
        var call = new PlannedCall("AssociateAccessPolicy", $"{ctx.ClusterName}/{change.PrincipalArn}", Json.Body(new { policyArn = change.PolicyArn, accessScope = scope }));
        return StepPreparation.ToWrite("associate the access policy", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            var associated = await ctx.Clients.AccessEntries.AssociatePolicyAsync(ctx.ClusterName, change.PrincipalArn, change.PolicyArn, scope, t).ConfigureAwait(false);
            return StepWrite.Ok("associated", Describe(associated));
        });
    }

    public static async Task<UndoOutcome> UndoAsync(AssociateAccessPolicyChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed"))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the policy was associated before the migration");
        }

        var existing = await FindAsync(ctx, change, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the policy is not associated");
        }

        if (!SameScope(existing, change.AccessScope))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the association's scope was changed since the migration ({Key(existing.Scope)}); left in place");
        }

        await ctx.Clients.AccessEntries.DisassociatePolicyAsync(ctx.ClusterName, change.PrincipalArn, change.PolicyArn, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "disassociated the policy");
    }

    private static async Task<AssociatedPolicy?> FindAsync(StepContext ctx, AssociateAccessPolicyChange change, CancellationToken ct)
    {
        // Null when the entry does not exist yet, or access entries are not enabled yet (dry run before the mode change).
        var policies = await ctx.Clients.AccessEntries.ListAssociatedPoliciesAsync(ctx.ClusterName, change.PrincipalArn, ct).ConfigureAwait(false);
        return policies?.FirstOrDefault(p => string.Equals(p.PolicyArn, change.PolicyArn, StringComparison.Ordinal));
    }

    private static bool SameScope(AssociatedPolicy policy, AccessScope wanted) => string.Equals(Key(policy.Scope), wanted.Key, StringComparison.Ordinal);

    private static string Key(PolicyScope? scope) => scope is null || scope.Type == AccessScopeType.Cluster.Wire()
        ? AccessScopeType.Cluster.Wire()
        : $"{scope.Type}:{string.Join(',', (scope.Namespaces ?? []).Order(StringComparer.Ordinal))}";

    private static JsonObject Describe(AssociatedPolicy policy) => new() { ["policyArn"] = policy.PolicyArn, ["scope"] = Key(policy.Scope) };
}
