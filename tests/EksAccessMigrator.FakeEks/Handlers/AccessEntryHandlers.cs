using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>CreateAccessEntry, DescribeAccessEntry, ListAccessEntries, UpdateAccessEntry, DeleteAccessEntry.</summary>
internal sealed class AccessEntryHandlers(FakeEksState state, Paginator paginator)
{
    private const int EntryQuota = 3000;

    public ApiResponse Create(EksRequest request)
    {
        if (Gate(request, out var cluster) is { } denied)
        {
            return denied;
        }

        var body = new BodyReader(request.Body);
        var principal = body.String("principalArn");
        var groups = body.StringList("kubernetesGroups");
        var username = body.String("username");
        var type = body.String("type") ?? AccessEntryDefaults.Standard;
        var tags = body.StringMap("tags");
        if (body.Error is { } error)
        {
            return error;
        }

        if (Check(cluster, principal, type, groups, username) is { } invalid)
        {
            return invalid;
        }

        if (cluster.AccessEntries.ContainsKey(principal!))
        {
            return EksErrors.InUse("The specified access entry resource is already in use on this cluster.", cluster.Name);
        }

        if (cluster.AccessEntries.Count >= EntryQuota)
        {
            return EksErrors.LimitExceeded("Access entry quota of 3000 reached for this cluster.", cluster.Name);
        }

        var entry = state.CreateEntryUnchecked(cluster, principal!, type, username, groups);
        entry.Tags = tags ?? entry.Tags;
        return ApiResponse.Ok(new JsonObject { ["accessEntry"] = EksJson.AccessEntry(cluster, entry) });
    }

    public ApiResponse Describe(EksRequest request)
    {
        if (Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        return ApiResponse.Ok(new JsonObject { ["accessEntry"] = EksJson.AccessEntry(cluster, entry) });
    }

    public ApiResponse List(EksRequest request)
    {
        if (Gate(request, out var cluster) is { } denied)
        {
            return denied;
        }

        var policy = request.QueryValue("associatedPolicyArn");
        if (policy is not null && !AccessPolicyCatalog.IsKnown(policy))
        {
            return EksErrors.InvalidParameter($"The associated policy ARN {policy} is not a valid access policy.", cluster.Name);
        }

        var principals = cluster.AccessEntries.Values
            .Where(e => policy is null || e.Policies.ContainsKey(policy))
            .Select(e => e.PrincipalArn)
            .ToList();
        if (paginator.TryPage(principals, request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var result = new JsonObject { ["accessEntries"] = EksJson.Strings(page) };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }

    public ApiResponse Update(EksRequest request)
    {
        if (Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        var body = new BodyReader(request.Body);
        var groups = body.StringList("kubernetesGroups");
        var username = body.String("username");
        if (body.Error is { } error)
        {
            return error;
        }

        if (Check(cluster, entry.PrincipalArn, entry.Type, groups, username) is { } invalid)
        {
            return invalid;
        }

        entry.KubernetesGroups = groups ?? entry.KubernetesGroups;
        entry.Username = username ?? entry.Username;
        entry.ModifiedAt = state.Now;
        return ApiResponse.Ok(new JsonObject { ["accessEntry"] = EksJson.AccessEntry(cluster, entry) });
    }

    public ApiResponse Delete(EksRequest request)
    {
        if (Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        cluster.AccessEntries.Remove(entry.PrincipalArn);
        return ApiResponse.Ok([]);
    }

    /// <summary>Cluster exists and has access entries enabled.</summary>
    internal ApiResponse? Gate(EksRequest request, out ClusterState cluster)
    {
        if (!state.TryGetCluster(request.ClusterName, out var found))
        {
            cluster = null!;
            return EksErrors.ClusterNotFound(request.ClusterName);
        }

        cluster = found;
        return cluster.AccessEntriesEnabled ? null : EksErrors.AccessEntriesDisabled(cluster.Name);
    }

    internal ApiResponse? Find(EksRequest request, out ClusterState cluster, out AccessEntryState entry)
    {
        entry = null!;
        if (Gate(request, out cluster) is { } denied)
        {
            return denied;
        }

        if (cluster.AccessEntries.TryGetValue(request.Route["principalArn"], out var found))
        {
            entry = found;
            return null;
        }

        return EksErrors.NotFound("The specified access entry resource could not be found on this cluster.", cluster.Name);
    }

    private static ApiResponse? Check(ClusterState cluster, string? principal, string type, List<string>? groups, string? username)
    {
        if (string.IsNullOrEmpty(principal))
        {
            return EksErrors.InvalidParameter("principalArn is required.", cluster.Name);
        }

        var arn = PrincipalArn.Parse(principal);
        if (arn is null)
        {
            return EksErrors.InvalidParameter($"The principalArn parameter format is not valid: {principal}", cluster.Name);
        }

        if (arn.IsServiceLinked)
        {
            return EksErrors.InvalidParameter("Service-linked roles cannot be used as access entry principals.", cluster.Name);
        }

        if (!AccessEntryDefaults.Types.Contains(type))
        {
            return EksErrors.InvalidParameter($"The type {type} is not valid. Valid types are {string.Join(", ", AccessEntryDefaults.Types.Order(StringComparer.Ordinal))}.", cluster.Name);
        }

        if (!string.Equals(type, AccessEntryDefaults.Standard, StringComparison.Ordinal))
        {
            if (groups is not null || username is not null)
            {
                return EksErrors.InvalidParameter($"Username and kubernetesGroups cannot be specified for an access entry of type {type}.", cluster.Name);
            }

            if (!arn.IsRole || !string.Equals(arn.AccountId, cluster.AccountId, StringComparison.Ordinal))
            {
                return EksErrors.InvalidParameter($"An access entry of type {type} requires an IAM role of the cluster's account.", cluster.Name);
            }

            return null;
        }

        return (groups is null ? null : Validation.Groups(groups, cluster.Name))
            ?? (username is null ? null : Validation.Username(username, cluster.Name));
    }
}
