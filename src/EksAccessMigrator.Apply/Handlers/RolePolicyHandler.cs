using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// PutRolePolicy and DeleteRolePolicy (rule N2, finalize): a node role's inline policy rewritten without, or deleted
/// for, its assume-anything statement. The precondition is the live document equal to the plan's before-document;
/// the journal keeps the live document as the before-image, and undo puts it back only while the policy is as the
/// step left it.
/// </summary>
internal static class RolePolicyHandler
{
    public static async Task<StepPreparation> PrepareAsync(PutRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        var live = await ReadAsync(ctx, change.RoleArn, change.PolicyName, ct).ConfigureAwait(false);
        if (live is null)
        {
            return StepPreparation.Stale($"{change.RoleArn}: the inline policy {change.PolicyName} no longer exists");
        }

        if (Json.SameDocument(live, change.DocumentAfter.GetRawText()))
        {
            return StepPreparation.Done("the inline policy is already without the statement", new JsonObject { ["document"] = live });
        }

        if (!Json.SameDocument(live, change.DocumentBefore.GetRawText()))
        {
            return StepPreparation.Stale($"{change.RoleArn}: the inline policy {change.PolicyName} changed since the plan was made");
        }

        var call = new PlannedCall("PutRolePolicy", change.RoleArn, new JsonObject { ["PolicyName"] = change.PolicyName, ["PolicyDocument"] = JsonNode.Parse(change.DocumentAfter.GetRawText()) }.ToJsonString());
        return StepPreparation.ToWrite("write the inline policy without the statement", new JsonObject { ["document"] = live }, call, (_, t) => PutAsync(change, ctx, t));
    }

    public static async Task<StepPreparation> PrepareAsync(DeleteRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        var live = await ReadAsync(ctx, change.RoleArn, change.PolicyName, ct).ConfigureAwait(false);
        if (live is null)
        {
            return StepPreparation.Done("the inline policy is already deleted", new JsonObject());
        }

        if (!Json.SameDocument(live, change.DocumentBefore.GetRawText()))
        {
            return StepPreparation.Stale($"{change.RoleArn}: the inline policy {change.PolicyName} changed since the plan was made");
        }

        var call = new PlannedCall("DeleteRolePolicy", change.RoleArn, new JsonObject { ["PolicyName"] = change.PolicyName }.ToJsonString());
        return StepPreparation.ToWrite("delete the inline policy", new JsonObject { ["document"] = live }, call, (_, t) => DeleteAsync(change, ctx, t));
    }

    public static Task<UndoOutcome> UndoAsync(PutRolePolicyChange change, JsonObject? before, StepContext ctx, CancellationToken ct) =>
        UndoAsync(change, change.RoleArn, change.PolicyName, change.DocumentAfter.GetRawText(), before, ctx, ct);

    public static Task<UndoOutcome> UndoAsync(DeleteRolePolicyChange change, JsonObject? before, StepContext ctx, CancellationToken ct) =>
        UndoAsync(change, change.RoleArn, change.PolicyName, null, before, ctx, ct);

    /// <param name="left">The document the step left; null when it deleted the policy.</param>
    private static async Task<UndoOutcome> UndoAsync(PlanChange change, string roleArn, string policyName, string? left, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        var previous = Json.Text(before, "document");
        if (previous is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, "the journal has no previous inline policy");
        }

        using var gate = await ctx.LockAsync("role/" + roleArn, ct).ConfigureAwait(false);
        var live = await ReadAsync(ctx, roleArn, policyName, ct).ConfigureAwait(false);
        if (live is not null && Json.SameDocument(live, previous))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the inline policy is as before the migration");
        }

        if (left is null ? live is not null : live is null || !Json.SameDocument(live, left))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the inline policy {policyName} of {roleArn} was changed since the migration; left as it is");
        }

        await ctx.Clients.RolePolicies.PutRolePolicyAsync(TrustDocument.RoleName(roleArn), policyName, previous, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "put the previous inline policy back");
    }

    private static Task<string?> ReadAsync(StepContext ctx, string roleArn, string policyName, CancellationToken ct) =>
        ctx.Clients.RolePolicies.GetRolePolicyAsync(TrustDocument.RoleName(roleArn), policyName, ct);

    private static async Task<StepWrite> PutAsync(PutRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        using var gate = await ctx.LockAsync("role/" + change.RoleArn, ct).ConfigureAwait(false);
        var live = await ReadAsync(ctx, change.RoleArn, change.PolicyName, ct).ConfigureAwait(false);
        if (live is not null && Json.SameDocument(live, change.DocumentAfter.GetRawText()))
        {
            return StepWrite.Ok("the inline policy is already without the statement", new JsonObject { ["document"] = live });
        }

        if (live is null || !Json.SameDocument(live, change.DocumentBefore.GetRawText()))
        {
            return StepWrite.Stale($"{change.RoleArn}: the inline policy {change.PolicyName} changed since the plan was made");
        }

        await ctx.Clients.RolePolicies.PutRolePolicyAsync(TrustDocument.RoleName(change.RoleArn), change.PolicyName, change.DocumentAfter.GetRawText(), ct).ConfigureAwait(false);
        return StepWrite.Ok("wrote the inline policy without the statement", new JsonObject { ["document"] = change.DocumentAfter.GetRawText(), ["documentBefore"] = live });
    }

    private static async Task<StepWrite> DeleteAsync(DeleteRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        using var gate = await ctx.LockAsync("role/" + change.RoleArn, ct).ConfigureAwait(false);
        var live = await ReadAsync(ctx, change.RoleArn, change.PolicyName, ct).ConfigureAwait(false);
        if (live is null)
        {
            return StepWrite.Ok("the inline policy is already deleted", new JsonObject());
        }

        if (!Json.SameDocument(live, change.DocumentBefore.GetRawText()))
        {
            return StepWrite.Stale($"{change.RoleArn}: the inline policy {change.PolicyName} changed since the plan was made");
        }

        // False when it was deleted meanwhile: the postcondition holds either way.
        await ctx.Clients.RolePolicies.DeleteRolePolicyAsync(TrustDocument.RoleName(change.RoleArn), change.PolicyName, ct).ConfigureAwait(false);

        return StepWrite.Ok("deleted the inline policy", new JsonObject { ["documentBefore"] = live });
    }
}
