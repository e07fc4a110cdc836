using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>AssociateAccessPolicy, DisassociateAccessPolicy, ListAssociatedAccessPolicies, ListAccessPolicies.</summary>
internal sealed class AccessPolicyHandlers(FakeEksState state, Paginator paginator, AccessEntryHandlers entries)
{
    public ApiResponse Associate(EksRequest request)
    {
        if (entries.Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        var body = new BodyReader(request.Body);
        var policyArn = body.String("policyArn");
        var scope = body.Object("accessScope");
        var scopeType = scope is null ? null : new BodyReader(scope).String("type");
        var namespaces = scope is null ? null : body.StringList(scope, "namespaces");
        if (body.Error is { } error)
        {
            return error;
        }

        if (CheckScope(cluster, entry, policyArn, scopeType, namespaces) is { } invalid)
        {
            return invalid;
        }

        var now = state.Now;
        if (!entry.Policies.TryGetValue(policyArn!, out var association))
        {
            association = new PolicyAssociationState(policyArn!, now);
            entry.Policies[policyArn!] = association;
        }

        association.ScopeType = scopeType!;
        association.Namespaces = namespaces ?? [];
        association.ModifiedAt = now;
        return ApiResponse.Ok(new JsonObject
        {
            ["clusterName"] = cluster.Name,
            ["principalArn"] = entry.PrincipalArn,
            ["associatedAccessPolicy"] = EksJson.AssociatedPolicy(association),
        });
    }

    public ApiResponse Disassociate(EksRequest request)
    {
        if (entries.Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        return entry.Policies.Remove(request.Route["policyArn"])
            ? ApiResponse.Ok([])
            : EksErrors.NotFound("The specified access policy is not associated with this access entry.", cluster.Name);
    }

    public ApiResponse ListAssociated(EksRequest request)
    {
        if (entries.Find(request, out var cluster, out var entry) is { } missing)
        {
            return missing;
        }

        if (paginator.TryPage(entry.Policies.Values.ToList(), request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var result = new JsonObject
        {
            ["clusterName"] = cluster.Name,
            ["principalArn"] = entry.PrincipalArn,
            ["associatedAccessPolicies"] = new JsonArray(page.Select(p => (JsonNode)EksJson.AssociatedPolicy(p)).ToArray()),
        };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }

    public ApiResponse ListAccessPolicies(EksRequest request)
    {
        if (paginator.TryPage(AccessPolicyCatalog.Names, request, out var page, out var next) is { } bad)
        {
            return bad;
        }

        var policies = page.Select(name => (JsonNode)new JsonObject { ["name"] = name, ["arn"] = AccessPolicyCatalog.Prefix + name });
        var result = new JsonObject { ["accessPolicies"] = new JsonArray(policies.ToArray()) };
        EksJson.AddIfSet(result, "nextToken", next);
        return ApiResponse.Ok(result);
    }

    private static ApiResponse? CheckScope(ClusterState cluster, AccessEntryState entry, string? policyArn, string? scopeType, List<string>? namespaces)
    {
        if (!string.Equals(entry.Type, AccessEntryDefaults.Standard, StringComparison.Ordinal))
        {
            return EksErrors.InvalidParameter($"Access policies can only be associated with access entries of type STANDARD, not {entry.Type}.", cluster.Name);
        }

        if (policyArn is null || !AccessPolicyCatalog.IsKnown(policyArn))
        {
            return EksErrors.InvalidParameter($"The policyArn {policyArn} is not a valid access policy.", cluster.Name);
        }

        return scopeType switch
        {
            "cluster" when namespaces is { Count: > 0 } =>
                EksErrors.InvalidParameter("Namespaces cannot be specified for an access scope of type cluster.", cluster.Name),
            "cluster" => null,
            "namespace" when namespaces is null || namespaces.Count == 0 || namespaces.Any(n => n.Length == 0) =>
                EksErrors.InvalidParameter("At least one non-empty namespace is required for an access scope of type namespace.", cluster.Name),
            "namespace" => null,
            _ => EksErrors.InvalidParameter($"The accessScope type {scopeType} is not valid. Valid types are cluster, namespace.", cluster.Name),
        };
    }
}
