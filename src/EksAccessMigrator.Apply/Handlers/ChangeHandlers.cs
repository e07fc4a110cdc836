using System.Diagnostics;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>The one switch over the closed set of change kinds: an unknown kind is a bug.</summary>
internal static class ChangeHandlers
{
    /// <summary>
    /// Reads the change's object: postcondition holds (done), precondition holds (write; for a change made from
    /// aws-auth rows, only while those sections read as the plan read them), or neither (stale).
    /// </summary>
    public static async Task<StepPreparation> PrepareAsync(PlanChange change, StepContext ctx, CancellationToken ct)
    {
        var prep = await PrepareObjectAsync(change, ctx, ct).ConfigureAwait(false);
        return prep.Kind == PreparationKind.Write && await AwsAuthSourceCondition.StaleAsync(change, ctx, ct).ConfigureAwait(false) is { } stale
            ? StepPreparation.Stale(stale)
            : prep;
    }

    private static Task<StepPreparation> PrepareObjectAsync(PlanChange change, StepContext ctx, CancellationToken ct) => change switch
    {
        UpdateClusterConfigChange c => ModeChangeHandler.PrepareAsync(c, ctx, ct),
        CreateAccessEntryChange c => AccessEntryHandler.PrepareCreateAsync(c, ctx, ct),
        AssociateAccessPolicyChange c => AccessPolicyHandler.PrepareAsync(c, ctx, ct),
        CreateAddonChange c => AddonHandler.PrepareAsync(c, ctx, ct),
        UpdateAssumeRolePolicyChange c => TrustPolicyHandler.PrepareAsync(c, ctx, ct),
        CreateServiceAccountChange c => ServiceAccountHandler.PrepareCreateAsync(c, ctx, ct),
        CreatePodIdentityAssociationChange c => PodIdentityHandler.PrepareAsync(c, ctx, ct),
        PatchWorkloadChange c => WorkloadHandler.PreparePatchAsync(c, ctx, ct),
        PatchServiceAccountChange c => ServiceAccountHandler.PreparePatchAsync(c, ctx, ct),
        RestartWorkloadChange c => WorkloadHandler.PrepareRestartAsync(c, ctx, ct),
        ReplaceConfigMapChange c => AwsAuthHandler.PrepareAsync(c, ctx, ct),
        PutRolePolicyChange c => RolePolicyHandler.PrepareAsync(c, ctx, ct),
        DeleteRolePolicyChange c => RolePolicyHandler.PrepareAsync(c, ctx, ct),
        _ => throw new UnreachableException($"No handler for change kind {change.GetType().Name}."),
    };

    public static Task<UndoOutcome> UndoAsync(PlanChange change, JsonObject? before, JsonObject? after, StepContext ctx, CancellationToken ct) => change switch
    {
        UpdateClusterConfigChange c => Task.FromResult(ModeChangeHandler.Undo(c, before)),
        CreateAccessEntryChange c => AccessEntryHandler.UndoCreateAsync(c, before, ctx, ct),
        AssociateAccessPolicyChange c => AccessPolicyHandler.UndoAsync(c, before, ctx, ct),
        CreateAddonChange c => AddonHandler.UndoAsync(c, before, after, ctx, ct),
        UpdateAssumeRolePolicyChange c => TrustPolicyHandler.UndoAsync(c, before, after, ctx, ct),
        CreateServiceAccountChange c => ServiceAccountHandler.UndoCreateAsync(c, before, after, ctx, ct),
        CreatePodIdentityAssociationChange c => PodIdentityHandler.UndoAsync(c, before, ctx, ct),
        PatchWorkloadChange c => WorkloadHandler.UndoPatchAsync(c, before, ctx, ct),
        PatchServiceAccountChange c => ServiceAccountHandler.UndoPatchAsync(c, before, ctx, ct),
        RestartWorkloadChange c => WorkloadHandler.UndoRestartAsync(c, before, after, ctx, ct),
        ReplaceConfigMapChange c => AwsAuthHandler.UndoAsync(c, ctx, ct),
        PutRolePolicyChange c => RolePolicyHandler.UndoAsync(c, before, ctx, ct),
        DeleteRolePolicyChange c => RolePolicyHandler.UndoAsync(c, before, ctx, ct),
        _ => throw new UnreachableException($"No handler for change kind {change.GetType().Name}."),
    };
}
