using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreatePodIdentityAssociation.</summary>
internal static class PodIdentityHandler
{
    public static async Task<StepPreparation> PrepareAsync(CreatePodIdentityAssociationChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await FindAsync(ctx, change, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return string.Equals(existing.RoleArn, change.RoleArn, StringComparison.Ordinal)
                ? StepPreparation.Done("an identical association exists" + Ownership.Describe(existing.Tags), Describe(existing))
                : StepPreparation.Stale($"ServiceAccount {change.Namespace}/{change.ServiceAccount} got a Pod Identity association with another role ({existing.RoleArn}) since the plan was made; the plan expected none and wants {change.RoleArn}; re-plan");
        }

        var request = new NewPodIdentityAssociation(ctx.ClusterName, change.Namespace, change.ServiceAccount, change.RoleArn, ctx.RequestToken(change.Address), OwnershipMarkers.Tags(ctx.PlanHash));
        var call = new PlannedCall("CreatePodIdentityAssociation", ctx.ClusterName, Json.Body(new { @namespace = change.Namespace, serviceAccount = change.ServiceAccount, roleArn = change.RoleArn }));
        return StepPreparation.ToWrite("create the association", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            if (await ctx.Clients.PodIdentity.CreateAssociationAsync(request, t).ConfigureAwait(false) is { } created)
            {
                return StepWrite.Ok("created", Describe(created));
            }

            // EKS reported the ServiceAccount's association in use: one appeared since the check.
            var now = await FindAsync(ctx, change, t).ConfigureAwait(false);
            return now is not null && string.Equals(now.RoleArn, change.RoleArn, StringComparison.Ordinal)
                ? StepWrite.Ok("an identical association exists", Describe(now))
                : StepWrite.Stale($"an association for {change.Namespace}/{change.ServiceAccount} appeared meanwhile with role {now?.RoleArn}");
        });
    }

    public static async Task<UndoOutcome> UndoAsync(CreatePodIdentityAssociationChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed"))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the association existed before the migration");
        }

        var existing = await FindAsync(ctx, change, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the association does not exist");
        }

        if (!string.Equals(existing.RoleArn, change.RoleArn, StringComparison.Ordinal))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the association now names another role ({existing.RoleArn}); left in place");
        }

        if (!Ownership.MadeBy(existing.Tags, ctx.PlanHash))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the association exists, but " + Ownership.NotOurs);
        }

        await ctx.Clients.PodIdentity.DeleteAssociationAsync(ctx.ClusterName, existing.AssociationId, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "deleted the association");
    }

    private static async Task<PodIdentityAssociation?> FindAsync(StepContext ctx, CreatePodIdentityAssociationChange change, CancellationToken ct)
    {
        await foreach (var summary in ctx.Clients.PodIdentity.ListAssociationsAsync(ctx.ClusterName, change.Namespace, change.ServiceAccount, ct).ConfigureAwait(false))
        {
            if (string.Equals(summary.Namespace, change.Namespace, StringComparison.Ordinal) && string.Equals(summary.ServiceAccount, change.ServiceAccount, StringComparison.Ordinal))
            {
                return await ctx.Clients.PodIdentity.DescribeAssociationAsync(ctx.ClusterName, summary.AssociationId, ct).ConfigureAwait(false);
            }
        }

        return null;
    }

    private static JsonObject Describe(PodIdentityAssociation association) => new() { ["associationId"] = association.AssociationId, ["roleArn"] = association.RoleArn };
}
