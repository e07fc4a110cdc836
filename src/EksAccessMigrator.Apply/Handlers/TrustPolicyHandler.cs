using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>UpdateAssumeRolePolicy: reads the live trust policy and adds (or removes) exactly the plan's statements.</summary>
internal static class TrustPolicyHandler
{
    public static async Task<StepPreparation> PrepareAsync(UpdateAssumeRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        var live = await ReadAsync(ctx, change, ct).ConfigureAwait(false);
        var (document, conflict, changed) = TrustDocument.Apply(live, change.StatementsAdded, change.StatementsRemoved);
        if (conflict is not null)
        {
            return StepPreparation.Stale($"{change.RoleArn}: {conflict}");
        }

        if (!changed)
        {
            return StepPreparation.Done("the trust policy already has these statements", new JsonObject { ["document"] = live });
        }

        var call = new PlannedCall("UpdateAssumeRolePolicy", change.RoleArn, document!);
        return StepPreparation.ToWrite("update the trust policy", new JsonObject { ["document"] = live }, call, (_, t) => WriteAsync(change, ctx, t));
    }

    public static async Task<UndoOutcome> UndoAsync(UpdateAssumeRolePolicyChange change, JsonObject? before, JsonObject? after, StepContext ctx, CancellationToken ct)
    {
        var previous = Json.Text(after, "documentBefore") ?? Json.Text(before, "document");
        if (previous is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, "the journal has no previous trust policy");
        }

        using var gate = await ctx.LockAsync("role/" + change.RoleArn, ct).ConfigureAwait(false);
        var live = await ReadAsync(ctx, change, ct).ConfigureAwait(false);
        if (Json.SameDocument(live, previous))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the trust policy is as before the migration");
        }

        var left = Json.Text(after, "document") ?? TrustDocument.Apply(previous, change.StatementsAdded, change.StatementsRemoved).Document;
        if (!Json.SameDocument(live, left))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the trust policy of {change.RoleArn} was changed since the migration; left as it is");
        }

        await ctx.Clients.RoleTrust.UpdateAssumeRolePolicyAsync(TrustDocument.RoleName(change.RoleArn), previous, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "restored the previous trust policy");
    }

    private static async Task<string> ReadAsync(StepContext ctx, UpdateAssumeRolePolicyChange change, CancellationToken ct)
    {
        var role = await ctx.Clients.RoleTrust.GetRoleAsync(TrustDocument.RoleName(change.RoleArn), ct).ConfigureAwait(false);
        return role.AssumeRolePolicyDocument ?? "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    }

    private static async Task<StepWrite> WriteAsync(UpdateAssumeRolePolicyChange change, StepContext ctx, CancellationToken ct)
    {
        // Read again under the role's lock: another step of this run may have changed the same role meanwhile.
        using var gate = await ctx.LockAsync("role/" + change.RoleArn, ct).ConfigureAwait(false);
        var live = await ReadAsync(ctx, change, ct).ConfigureAwait(false);
        var (document, conflict, changed) = TrustDocument.Apply(live, change.StatementsAdded, change.StatementsRemoved);
        if (conflict is not null)
        {
            return StepWrite.Stale($"{change.RoleArn}: {conflict}");
        }

        if (!changed)
        {
            return StepWrite.Ok("the trust policy already has these statements", new JsonObject { ["document"] = live });
        }

        await ctx.Clients.RoleTrust.UpdateAssumeRolePolicyAsync(TrustDocument.RoleName(change.RoleArn), document!, ct).ConfigureAwait(false);
        return StepWrite.Ok("updated the trust policy", new JsonObject { ["document"] = document, ["documentBefore"] = live });
    }
}
