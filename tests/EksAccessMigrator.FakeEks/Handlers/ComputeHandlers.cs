using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>ListNodegroups, DescribeNodegroup, ListFargateProfiles, DescribeFargateProfile.</summary>
internal sealed class ComputeHandlers(FakeEksState state, Paginator paginator)
{
    public ApiResponse ListNodegroups(EksRequest request) =>
        ListNames(request, "nodegroups", cluster => cluster.Nodegroups.Keys.ToList());

    public ApiResponse ListFargateProfiles(EksRequest request) =>
        ListNames(request, "fargateProfileNames", cluster => cluster.FargateProfiles.Keys.ToList());

    public ApiResponse DescribeNodegroup(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var name = request.Route["nodegroupName"];
        return cluster.Nodegroups.TryGetValue(name, out var nodegroup)
            ? ApiResponse.Ok(new JsonObject { ["nodegroup"] = ClusterJson.Nodegroup(cluster, nodegroup) })
            : EksErrors.NotFound($"No node group found for name: {name}.", cluster.Name);
    }

    public ApiResponse DescribeFargateProfile(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var name = request.Route["fargateProfileName"];
        return cluster.FargateProfiles.TryGetValue(name, out var profile)
            ? ApiResponse.Ok(new JsonObject { ["fargateProfile"] = ClusterJson.FargateProfile(cluster, profile) })
            : EksErrors.NotFound($"No Fargate Profile found with name: {name}.", cluster.Name);
    }

    private ApiResponse ListNames(EksRequest request, string member, Func<Model.ClusterState, List<string>> names)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        if (paginator.TryPage(names(cluster), request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var result = new JsonObject { [member] = EksJson.Strings(page) };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }
}
