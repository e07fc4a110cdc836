using System.Text;
using System.Text.Json;
using EksAccessMigrator.FakeEks.Model;

namespace EksAccessMigrator.FakeEks;

/// <summary>Deterministic JSON snapshot of the semantic state.</summary>
public sealed partial class FakeEksState
{
    /// <summary>
    /// The whole state as indented JSON, every collection sorted ordinally. Server-generated values
    /// (timestamps, ARN suffixes, association ids, update ids) are left out, so two states with the same
    /// resources compare equal even when they were created at different times or in a different order.
    /// </summary>
    public string SnapshotJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            lock (Gate)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("clusters");
                foreach (var cluster in clusters.Values)
                {
                    WriteCluster(writer, cluster);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCluster(Utf8JsonWriter writer, ClusterState cluster)
    {
        writer.WriteStartObject();
        writer.WriteString("name", cluster.Name);
        writer.WriteString("accountId", cluster.AccountId);
        writer.WriteString("region", cluster.Region);
        writer.WriteString("authenticationMode", cluster.AuthenticationMode);
        writer.WriteStartArray("accessEntries");
        foreach (var entry in cluster.AccessEntries.Values)
        {
            WriteEntry(writer, entry);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("podIdentityAssociations");
        foreach (var association in cluster.PodIdentityAssociations.Values.OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.ServiceAccount, StringComparer.Ordinal))
        {
            WriteAssociation(writer, association, cluster);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("addons");
        foreach (var addon in cluster.Addons.Values)
        {
            writer.WriteStartObject();
            writer.WriteString("name", addon.Name);
            writer.WriteString("version", addon.Version);
            writer.WriteString("serviceAccountRoleArn", addon.ServiceAccountRoleArn);
            writer.WriteString("configurationValues", addon.ConfigurationValues);
            WriteMap(writer, "tags", addon.Tags);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("nodegroups");
        foreach (var nodegroup in cluster.Nodegroups.Values)
        {
            writer.WriteStartObject();
            writer.WriteString("name", nodegroup.Name);
            writer.WriteString("nodeRole", nodegroup.NodeRole);
            writer.WriteString("amiType", nodegroup.AmiType);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("fargateProfiles");
        foreach (var profile in cluster.FargateProfiles.Values)
        {
            writer.WriteStartObject();
            writer.WriteString("name", profile.Name);
            writer.WriteString("podExecutionRoleArn", profile.PodExecutionRoleArn);
            writer.WriteStartArray("selectors");
            foreach (var selector in profile.Selectors.OrderBy(s => s.Namespace, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("namespace", selector.Namespace);
                WriteMap(writer, "labels", selector.Labels ?? new Dictionary<string, string>());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, AccessEntryState entry)
    {
        writer.WriteStartObject();
        writer.WriteString("principalArn", entry.PrincipalArn);
        writer.WriteString("type", entry.Type);
        writer.WriteString("username", entry.Username);
        WriteSortedList(writer, "kubernetesGroups", entry.KubernetesGroups);
        WriteMap(writer, "tags", entry.Tags);
        writer.WriteStartArray("accessPolicies");
        foreach (var policy in entry.Policies.Values)
        {
            writer.WriteStartObject();
            writer.WriteString("policyArn", policy.PolicyArn);
            writer.WriteString("scopeType", policy.ScopeType);
            WriteSortedList(writer, "namespaces", policy.Namespaces);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAssociation(Utf8JsonWriter writer, PodIdentityState association, ClusterState cluster)
    {
        writer.WriteStartObject();
        writer.WriteString("namespace", association.Namespace);
        writer.WriteString("serviceAccount", association.ServiceAccount);
        writer.WriteString("roleArn", association.RoleArn);
        writer.WriteString("targetRoleArn", association.TargetRoleArn);
        writer.WriteBoolean("disableSessionTags", association.DisableSessionTags);
        writer.WriteString("policy", association.Policy);
        var owner = cluster.Addons.Values.FirstOrDefault(a => string.Equals(a.Arn, association.OwnerArn, StringComparison.Ordinal));
        writer.WriteString("ownerAddon", owner?.Name);
        WriteMap(writer, "tags", association.Tags);
        writer.WriteEndObject();
    }

    private static void WriteSortedList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        writer.WriteStartObject(name);
        foreach (var pair in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }
}
