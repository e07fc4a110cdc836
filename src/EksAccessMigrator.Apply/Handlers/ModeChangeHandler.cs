using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>UpdateClusterConfig (authentication mode): applied first and waited on until EKS reports it done. Never undone.</summary>
internal static class ModeChangeHandler
{
    public static async Task<StepPreparation> PrepareAsync(UpdateClusterConfigChange change, StepContext ctx, CancellationToken ct)
    {
        var mode = await CurrentModeAsync(ctx, ct).ConfigureAwait(false);
        if (mode is null)
        {
            return StepPreparation.Stale($"cluster {ctx.ClusterName} does not exist; re-plan");
        }

        if (string.Equals(mode, change.AuthenticationMode.Wire(), StringComparison.Ordinal))
        {
            return StepPreparation.Done($"the authentication mode already is {mode}", new JsonObject { ["authenticationMode"] = mode });
        }

        // Precondition: the mode the plan was made in (EKS only moves forward, so any other mode is someone else's change).
        if (ctx.Plan is { } plan && !string.Equals(mode, plan.Cluster.AuthenticationMode.Wire(), StringComparison.Ordinal))
        {
            return StepPreparation.Stale($"cluster {ctx.ClusterName} is in authentication mode {mode} since the plan was made; the plan expected {plan.Cluster.AuthenticationMode.Wire()} and wants {change.AuthenticationMode.Wire()}; re-plan");
        }

        if (change.AuthenticationMode == Core.Inventory.AuthenticationMode.Api
            && await ClusterAdmins.MissingAsync(ctx, ct).ConfigureAwait(false) is { Count: > 0 } missing)
        {
            return StepPreparation.Stale($"switching to API mode would lock out {string.Join("; ", missing)} (rule M2): the plan expected cluster-admin access entries for them; re-plan");
        }

        var before = new JsonObject { ["authenticationMode"] = mode };
        var awsAuth = await ctx.Objects.GetConfigMapAsync("kube-system", "aws-auth", ct).ConfigureAwait(false);
        if (awsAuth is not null)
        {
            // Rule M3: the aws-auth data as it was, for the record and for restoring by hand.
            before["awsAuth"] = new JsonObject
            {
                ["resourceVersion"] = awsAuth.ResourceVersion,
                ["data"] = Json.StringMap(awsAuth.Data.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)),
            };
        }

        var call = new PlannedCall("UpdateClusterConfig", ctx.ClusterName, Json.Body(new { accessConfig = new { authenticationMode = change.AuthenticationMode.Wire() } }));
        return StepPreparation.ToWrite($"switch the authentication mode from {mode} to {change.AuthenticationMode.Wire()}", before, call, async (_, t) =>
        {
            if (change.BackupAwsAuth && before["awsAuth"] is JsonObject backup)
            {
                await AwsAuthBackup.WriteFileAsync(ctx, "aws-auth", backup, t).ConfigureAwait(false);
            }

            return await WriteAsync(change, ctx, change.Address, t).ConfigureAwait(false);
        });
    }

    public static UndoOutcome Undo(UpdateClusterConfigChange change, JsonObject? before) => new(
        change.Address,
        change.Action,
        UndoStatus.Irreversible,
        $"The authentication mode change ({Json.Text(before, "authenticationMode") ?? "?"} to {change.AuthenticationMode.Wire()}) cannot be undone: EKS only moves forward (CONFIG_MAP, API_AND_CONFIG_MAP, API). aws-auth keeps working in API_AND_CONFIG_MAP.");

    /// <summary>The cluster's authentication mode (CONFIG_MAP when EKS reports none); null when the cluster does not exist.</summary>
    private static async Task<string?> CurrentModeAsync(StepContext ctx, CancellationToken ct) =>
        await ctx.Clients.Cluster.DescribeClusterAsync(ctx.ClusterName, ct).ConfigureAwait(false) is { } cluster
            ? cluster.AuthenticationMode ?? "CONFIG_MAP"
            : null;

    private static async Task<StepWrite> WriteAsync(UpdateClusterConfigChange change, StepContext ctx, string address, CancellationToken ct)
    {
        var time = ctx.Options.TimeProvider;
        var started = time.GetTimestamp();

        // Null: another update (ours, from an interrupted run, or someone else's) is in progress: wait for the mode.
        var updateId = await ctx.Clients.Cluster.UpdateAuthenticationModeAsync(ctx.ClusterName, change.AuthenticationMode.Wire(), ctx.RequestToken(address), ct).ConfigureAwait(false);

        while (true)
        {
            if (updateId is not null)
            {
                var update = await ctx.Clients.Cluster.DescribeUpdateAsync(ctx.ClusterName, updateId, ct).ConfigureAwait(false);
                switch (update.Status)
                {
                    case "Successful":
                        return StepWrite.Ok($"authentication mode is {change.AuthenticationMode.Wire()} (update {update.Id})", new JsonObject { ["authenticationMode"] = change.AuthenticationMode.Wire(), ["updateId"] = update.Id });
                    case "Failed" or "Cancelled":
                        var errors = string.Join("; ", update.Errors);
                        return StepWrite.Fail($"the mode update {update.Id} ended {update.Status}: {errors}");
                    default:
                        break;
                }
            }
            else if (string.Equals(await CurrentModeAsync(ctx, ct).ConfigureAwait(false), change.AuthenticationMode.Wire(), StringComparison.Ordinal))
            {
                return StepWrite.Ok($"authentication mode is {change.AuthenticationMode.Wire()}", new JsonObject { ["authenticationMode"] = change.AuthenticationMode.Wire() });
            }

            if (time.GetElapsedTime(started) > ctx.Options.ModeChangeTimeout)
            {
                return StepWrite.Fail($"the mode update did not finish within {ctx.Options.ModeChangeTimeout}; run apply again to keep waiting");
            }

            await Task.Delay(ctx.Options.ModeChangePollInterval, time, ct).ConfigureAwait(false);
        }
    }
}
