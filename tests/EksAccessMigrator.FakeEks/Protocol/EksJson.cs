using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Renders state as the service model's output shapes (REST-JSON: timestamps are epoch seconds).</summary>
internal static class EksJson
{
    public static JsonNode Time(DateTimeOffset value) => JsonValue.Create(value.ToUnixTimeMilliseconds() / 1000.0);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> map)
    {
        var result = new JsonObject();
        foreach (var pair in map)
        {
            result[pair.Key] = pair.Value;
        }

        return result;
    }

    public static JsonObject AccessEntry(ClusterState cluster, AccessEntryState entry) => new()
    {
        ["clusterName"] = cluster.Name,
        ["principalArn"] = entry.PrincipalArn,
        ["kubernetesGroups"] = Strings(entry.KubernetesGroups),
        ["accessEntryArn"] = entry.Arn,
        ["createdAt"] = Time(entry.CreatedAt),
        ["modifiedAt"] = Time(entry.ModifiedAt),
        ["tags"] = Map(entry.Tags),
        ["username"] = entry.Username,
        ["type"] = entry.Type,
    };

    public static JsonObject AssociatedPolicy(PolicyAssociationState policy) => new()
    {
        ["policyArn"] = policy.PolicyArn,
        ["accessScope"] = new JsonObject
        {
            ["type"] = policy.ScopeType,
            ["namespaces"] = Strings(policy.Namespaces),
        },
        ["associatedAt"] = Time(policy.AssociatedAt),
        ["modifiedAt"] = Time(policy.ModifiedAt),
    };

    public static JsonObject PodIdentity(ClusterState cluster, PodIdentityState association)
    {
        var result = PodIdentitySummary(cluster, association);
        result["roleArn"] = association.RoleArn;
        result["tags"] = Map(association.Tags);
        result["createdAt"] = Time(association.CreatedAt);
        result["modifiedAt"] = Time(association.ModifiedAt);
        result["disableSessionTags"] = association.DisableSessionTags;
        AddIfSet(result, "targetRoleArn", association.TargetRoleArn);
        AddIfSet(result, "externalId", association.ExternalId);
        AddIfSet(result, "policy", association.Policy);
        return result;
    }

    public static JsonObject PodIdentitySummary(ClusterState cluster, PodIdentityState association)
    {
        var result = new JsonObject
        {
            ["clusterName"] = cluster.Name,
            ["namespace"] = association.Namespace,
            ["serviceAccount"] = association.ServiceAccount,
            ["associationArn"] = association.Arn,
            ["associationId"] = association.Id,
        };
        AddIfSet(result, "ownerArn", association.OwnerArn);
        return result;
    }

    public static JsonObject Update(UpdateState update) => new()
    {
        ["id"] = update.Id,
        ["status"] = update.Status,
        ["type"] = "AccessConfigUpdate",
        ["params"] = new JsonArray(new JsonObject { ["type"] = "AuthenticationMode", ["value"] = update.TargetMode }),
        ["createdAt"] = Time(update.CreatedAt),
        ["errors"] = new JsonArray(),
    };

    public static JsonObject Addon(ClusterState cluster, AddonState addon, string status)
    {
        var result = new JsonObject
        {
            ["addonName"] = addon.Name,
            ["clusterName"] = cluster.Name,
            ["status"] = status,
            ["addonVersion"] = addon.Version,
            ["health"] = new JsonObject { ["issues"] = new JsonArray() },
            ["addonArn"] = addon.Arn,
            ["createdAt"] = Time(addon.CreatedAt),
            ["modifiedAt"] = Time(addon.CreatedAt),
            ["tags"] = Map(addon.Tags),
            ["podIdentityAssociations"] = Strings(addon.PodIdentityAssociationArns),
        };
        AddIfSet(result, "serviceAccountRoleArn", addon.ServiceAccountRoleArn);
        AddIfSet(result, "configurationValues", addon.ConfigurationValues);
        return result;
    }

    public static void AddIfSet(JsonObject target, string member, string? value)
    {
        if (value is not null)
        {
            target[member] = value;
        }
    }
}
