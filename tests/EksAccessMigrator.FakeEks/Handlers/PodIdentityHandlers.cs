using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>The five Pod Identity association operations. Pod Identity works in every authentication mode.</summary>
internal sealed partial class PodIdentityHandlers(FakeEksState state, Paginator paginator)
{
    public ApiResponse Create(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var body = new BodyReader(request.Body);
        var ns = body.String("namespace");
        var serviceAccount = body.String("serviceAccount");
        var roleArn = body.String("roleArn");
        var targetRoleArn = body.String("targetRoleArn");
        var disableSessionTags = body.Boolean("disableSessionTags");
        var policy = body.String("policy");
        var tags = body.StringMap("tags");
        if (body.Error is { } error)
        {
            return error;
        }

        if (ns is null || !KubernetesName().IsMatch(ns) || serviceAccount is null || !KubernetesName().IsMatch(serviceAccount))
        {
            return EksErrors.InvalidParameter("namespace and serviceAccount must be valid Kubernetes names.", cluster.Name);
        }

        if (CheckRoles(cluster, roleArn, targetRoleArn) is { } invalid)
        {
            return invalid;
        }

        if (cluster.PodIdentityAssociations.Values.Any(a => a.Namespace == ns && a.ServiceAccount == serviceAccount))
        {
            return EksErrors.InUse($"Association already exists for service account {serviceAccount} in namespace {ns}.", cluster.Name);
        }

        var association = state.NewPodIdentity(cluster, ns, serviceAccount, roleArn!);
        association.DisableSessionTags = disableSessionTags ?? false;
        association.Policy = policy;
        association.Tags = tags ?? association.Tags;
        SetTarget(association, targetRoleArn);
        return Single(cluster, association);
    }

    public ApiResponse Describe(EksRequest request) =>
        Find(request, out var cluster, out var association) ?? Single(cluster, association);

    public ApiResponse List(EksRequest request)
    {
        if (!state.TryGetCluster(request.ClusterName, out var cluster))
        {
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        var ns = request.QueryValue("namespace");
        var serviceAccount = request.QueryValue("serviceAccount");
        var matching = cluster.PodIdentityAssociations.Values
            .Where(a => (ns is null || a.Namespace == ns) && (serviceAccount is null || a.ServiceAccount == serviceAccount))
            .ToList();
        if (paginator.TryPage(matching, request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var result = new JsonObject
        {
            ["associations"] = new JsonArray(page.Select(a => (JsonNode)EksJson.PodIdentitySummary(cluster, a)).ToArray()),
        };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }

    public ApiResponse Update(EksRequest request)
    {
        if (Find(request, out var cluster, out var association) is { } missing)
        {
            return missing;
        }

        var body = new BodyReader(request.Body);
        var roleArn = body.String("roleArn");
        var targetRoleArn = body.String("targetRoleArn");
        var disableSessionTags = body.Boolean("disableSessionTags");
        var policy = body.String("policy");
        if (body.Error is { } error)
        {
            return error;
        }

        if (association.OwnerArn is not null)
        {
            return EksErrors.InvalidRequest("This association is owned by an add-on; update it through the add-on.", cluster.Name);
        }

        if (CheckRoles(cluster, roleArn ?? association.RoleArn, string.IsNullOrEmpty(targetRoleArn) ? null : targetRoleArn) is { } invalid)
        {
            return invalid;
        }

        association.RoleArn = roleArn ?? association.RoleArn;
        association.DisableSessionTags = disableSessionTags ?? association.DisableSessionTags;
        association.Policy = policy is null ? association.Policy : (policy.Length == 0 ? null : policy);
        if (targetRoleArn is not null)
        {
            SetTarget(association, targetRoleArn.Length == 0 ? null : targetRoleArn);
        }

        association.ModifiedAt = state.Now;
        return Single(cluster, association);
    }

    public ApiResponse Delete(EksRequest request)
    {
        if (Find(request, out var cluster, out var association) is { } missing)
        {
            return missing;
        }

        if (association.OwnerArn is not null)
        {
            return EksErrors.InvalidRequest("This association is owned by an add-on; remove it through the add-on.", cluster.Name);
        }

        cluster.PodIdentityAssociations.Remove(association.Id);
        return Single(cluster, association);
    }

    private static ApiResponse Single(ClusterState cluster, PodIdentityState association) =>
        ApiResponse.Ok(new JsonObject { ["association"] = EksJson.PodIdentity(cluster, association) });

    private static ApiResponse? CheckRoles(ClusterState cluster, string? roleArn, string? targetRoleArn)
    {
        if (roleArn is null || PrincipalArn.Parse(roleArn) is not { IsRole: true })
        {
            return EksErrors.InvalidParameter($"The roleArn {roleArn} is not a valid IAM role ARN.", cluster.Name);
        }

        if (targetRoleArn is not null && PrincipalArn.Parse(targetRoleArn) is not { IsRole: true })
        {
            return EksErrors.InvalidParameter($"The targetRoleArn {targetRoleArn} is not a valid IAM role ARN.", cluster.Name);
        }

        return null;
    }

    private ApiResponse? Find(EksRequest request, out ClusterState cluster, out PodIdentityState association)
    {
        association = null!;
        if (!state.TryGetCluster(request.ClusterName, out var found))
        {
            cluster = null!;
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        cluster = found;
        var id = request.Route["associationId"];
        if (cluster.PodIdentityAssociations.TryGetValue(id, out var match))
        {
            association = match;
            return null;
        }

        return EksErrors.NotFound($"No association found with id {id}.", cluster.Name);
    }

    private void SetTarget(PodIdentityState association, string? targetRoleArn)
    {
        association.TargetRoleArn = targetRoleArn;
        association.ExternalId = targetRoleArn is null ? null : state.NewUuid();
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesName();
}
