using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>ListAddons, DescribeAddon, CreateAddon, DeleteAddon (add-ons become ACTIVE right after creation and are gone right after deletion).</summary>
internal sealed class AddonHandlers(FakeEksState state, Paginator paginator)
{
    public ApiResponse List(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        if (paginator.TryPage(cluster.Addons.Keys.ToList(), request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var result = new JsonObject { ["addons"] = EksJson.Strings(page) };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }

    public ApiResponse Describe(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var name = request.Route["addonName"];
        return cluster.Addons.TryGetValue(name, out var addon)
            ? ApiResponse.Ok(new JsonObject { ["addon"] = EksJson.Addon(cluster, addon, "ACTIVE") })
            : EksErrors.NotFound($"No addon: {name} found in cluster: {cluster.Name}", cluster.Name);
    }

    public ApiResponse Create(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var body = new BodyReader(request.Body);
        var name = body.String("addonName");
        var version = body.String("addonVersion") ?? "v1.0.0-eksbuild.1";
        var serviceAccountRoleArn = body.String("serviceAccountRoleArn");
        var configurationValues = body.String("configurationValues");
        var tags = body.StringMap("tags");
        var namespaceConfig = body.Object("namespaceConfig");
        var ns = namespaceConfig is null ? null : new BodyReader(namespaceConfig).String("namespace");
        var associations = ReadAssociations(body);
        if (body.Error is { } error)
        {
            return error;
        }

        if (Check(cluster, name, serviceAccountRoleArn, associations, ns ?? "kube-system") is { } invalid)
        {
            return invalid;
        }

        var arn = $"arn:aws:eks:{cluster.Region}:{cluster.AccountId}:addon/{cluster.Name}/{name}/{state.NewUuid()}";
        var addon = new AddonState(name!, arn, version, state.Now)
        {
            ServiceAccountRoleArn = serviceAccountRoleArn,
            ConfigurationValues = configurationValues,
            Tags = tags ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
        };
        foreach (var (serviceAccount, roleArn) in associations)
        {
            var association = state.NewPodIdentity(cluster, ns ?? "kube-system", serviceAccount, roleArn);
            association.OwnerArn = arn;
            addon.PodIdentityAssociationArns.Add(association.Arn);
        }

        cluster.Addons[addon.Name] = addon;
        return ApiResponse.Ok(new JsonObject { ["addon"] = EksJson.Addon(cluster, addon, "CREATING") });
    }

    public ApiResponse Delete(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var name = request.Route["addonName"];
        if (!cluster.Addons.TryGetValue(name, out var addon))
        {
            return EksErrors.NotFound($"No addon: {name} found in cluster: {cluster.Name}", cluster.Name);
        }

        cluster.Addons.Remove(name);
        foreach (var owned in cluster.PodIdentityAssociations.Where(p => p.Value.OwnerArn == addon.Arn).Select(p => p.Key).ToList())
        {
            cluster.PodIdentityAssociations.Remove(owned);
        }

        return ApiResponse.Ok(new JsonObject { ["addon"] = EksJson.Addon(cluster, addon, "DELETING") });
    }

    private static List<(string ServiceAccount, string RoleArn)> ReadAssociations(BodyReader body)
    {
        var result = new List<(string, string)>();
        foreach (var item in body.Array("podIdentityAssociations") ?? [])
        {
            if (item is JsonObject obj && new BodyReader(obj) is var reader
                && reader.String("serviceAccount") is { } serviceAccount && reader.String("roleArn") is { } roleArn)
            {
                result.Add((serviceAccount, roleArn));
            }
            else
            {
                result.Add((string.Empty, string.Empty));
            }
        }

        return result;
    }

    private static ApiResponse? Check(ClusterState cluster, string? name, string? serviceAccountRoleArn, List<(string ServiceAccount, string RoleArn)> associations, string ns)
    {
        if (string.IsNullOrEmpty(name))
        {
            return EksErrors.InvalidParameter("addonName is required.", cluster.Name);
        }

        if (cluster.Addons.ContainsKey(name))
        {
            return EksErrors.InUse($"Addon already exists: {name}", cluster.Name);
        }

        if (serviceAccountRoleArn is not null && PrincipalArn.Parse(serviceAccountRoleArn) is not { IsRole: true })
        {
            return EksErrors.InvalidParameter($"The serviceAccountRoleArn {serviceAccountRoleArn} is not a valid IAM role ARN.", cluster.Name);
        }

        foreach (var (serviceAccount, roleArn) in associations)
        {
            if (serviceAccount.Length == 0 || PrincipalArn.Parse(roleArn) is not { IsRole: true })
            {
                return EksErrors.InvalidParameter("Each podIdentityAssociations item needs a serviceAccount and an IAM role ARN.", cluster.Name);
            }

            if (cluster.PodIdentityAssociations.Values.Any(a => a.Namespace == ns && a.ServiceAccount == serviceAccount))
            {
                return EksErrors.InUse($"Association already exists for service account {serviceAccount} in namespace {ns}.", cluster.Name);
            }
        }

        return null;
    }
}
