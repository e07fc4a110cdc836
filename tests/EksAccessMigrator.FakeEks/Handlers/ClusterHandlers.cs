using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>DescribeCluster, UpdateClusterConfig (access config only) and DescribeUpdate.</summary>
internal sealed class ClusterHandlers(FakeEksState state)
{
    private static readonly string[] UnsupportedUpdateMembers =
    [
        "resourcesVpcConfig", "logging", "upgradePolicy", "zonalShiftConfig", "computeConfig", "kubernetesNetworkConfig",
        "storageConfig", "remoteNetworkConfig", "deletionProtection", "controlPlaneScalingConfig",
    ];

    public ApiResponse Describe(EksRequest request) =>
        state.TryGetCluster(request.ClusterName, out var cluster)
            ? ApiResponse.Ok(new JsonObject { ["cluster"] = ClusterJson.Cluster(cluster) })
            : EksErrors.ClusterNotFound(request.ClusterName);

    public ApiResponse UpdateConfig(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var body = new BodyReader(request.Body);
        var accessConfig = body.Object("accessConfig");
        var mode = accessConfig is null ? null : new BodyReader(accessConfig).String("authenticationMode");
        if (body.Error is { } error)
        {
            return error;
        }

        if (UnsupportedUpdateMembers.FirstOrDefault(body.Has) is { } unsupported)
        {
            return EksErrors.InvalidParameter($"This fake models access-config updates only; '{unsupported}' is not supported.", cluster.Name);
        }

        if (mode is null)
        {
            return EksErrors.InvalidParameter("No changes needed: specify accessConfig.authenticationMode.", cluster.Name);
        }

        if (cluster.PendingUpdateId is not null)
        {
            return EksErrors.InUse("Cannot update cluster while another update is in progress.", cluster.Name);
        }

        if (!AuthenticationModes.IsValid(mode))
        {
            return EksErrors.InvalidParameter($"Unsupported authentication mode {mode}. Valid modes are API, API_AND_CONFIG_MAP, CONFIG_MAP.", cluster.Name);
        }

        if (!AuthenticationModes.IsAllowedChange(cluster.AuthenticationMode, mode))
        {
            return EksErrors.InvalidParameter($"Unsupported authentication mode update from {cluster.AuthenticationMode} to {mode}", cluster.Name);
        }

        var update = new UpdateState(state.NewUuid(), mode, state.Now);
        cluster.Updates[update.Id] = update;
        cluster.PendingUpdateId = update.Id;
        var response = EksJson.Update(update);
        if (state.UpdatePollsUntilComplete <= 0)
        {
            Complete(cluster, update);
        }

        return ApiResponse.Ok(new JsonObject { ["update"] = response });
    }

    public ApiResponse DescribeUpdate(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var id = request.Route["updateId"];
        var scoped = request.QueryValue("nodegroupName") ?? request.QueryValue("addonName") ?? request.QueryValue("capabilityName");
        if (scoped is not null || !cluster.Updates.TryGetValue(id, out var update))
        {
            return EksErrors.NotFound($"No update found for ID: {id}.", cluster.Name);
        }

        update.Polls++;
        if (string.Equals(update.Status, "InProgress", StringComparison.Ordinal) && update.Polls >= state.UpdatePollsUntilComplete)
        {
            Complete(cluster, update);
        }

        return ApiResponse.Ok(new JsonObject { ["update"] = EksJson.Update(update) });
    }

    private void Complete(ClusterState cluster, UpdateState update)
    {
        update.Status = "Successful";
        cluster.AuthenticationMode = update.TargetMode;
        cluster.PendingUpdateId = null;
        state.CreateEksManagedEntries(cluster);
    }
}
