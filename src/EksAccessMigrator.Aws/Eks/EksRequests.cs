using System.Text;
using System.Text.Json.Nodes;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Json;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Eks;

/// <summary>
/// Serialises EKS operations to REST-JSON wire requests as eks-service-2.json defines them
/// (method, request URI with percent-encoded labels, query parameters, JSON body member names).
/// </summary>
public static class EksRequests
{
    private const string Json = "application/json";

    public static AwsWireRequest CreateAccessEntry(CreateAccessEntryRequest r, string token)
    {
        ArgumentNullException.ThrowIfNull(r);
        var body = new JsonObject { ["principalArn"] = r.PrincipalArn };
        AddList(body, "kubernetesGroups", r.KubernetesGroups);
        AddString(body, "username", r.Username);
        AddString(body, "type", r.Type);
        AddMap(body, "tags", r.Tags);
        body["clientRequestToken"] = r.ClientRequestToken ?? token;
        return Post("CreateAccessEntry", $"/clusters/{L(r.ClusterName)}/access-entries", body);
    }

    public static AwsWireRequest DescribeAccessEntry(string clusterName, string principalArn) =>
        Get("DescribeAccessEntry", $"/clusters/{L(clusterName)}/access-entries/{L(principalArn)}", string.Empty);

    public static AwsWireRequest ListAccessEntries(string clusterName, string? associatedPolicyArn, int? maxResults, string? nextToken) =>
        Get("ListAccessEntries", $"/clusters/{L(clusterName)}/access-entries",
            new EksQuery().Add("maxResults", maxResults).Add("associatedPolicyArn", associatedPolicyArn).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest DeleteAddon(string clusterName, string addonName) =>
        Delete("DeleteAddon", $"/clusters/{L(clusterName)}/addons/{L(addonName)}");

    public static AwsWireRequest DeleteAccessEntry(string clusterName, string principalArn) =>
        Delete("DeleteAccessEntry", $"/clusters/{L(clusterName)}/access-entries/{L(principalArn)}");

    public static AwsWireRequest AssociateAccessPolicy(string clusterName, string principalArn, string policyArn, EksAccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var scopeNode = new JsonObject { ["type"] = scope.Type };
        AddList(scopeNode, "namespaces", scope.Namespaces);
        var body = new JsonObject { ["policyArn"] = policyArn, ["accessScope"] = scopeNode };

        // Associating the same policy again replaces its scope: repeating the call is harmless.
        return Post("AssociateAccessPolicy", $"/clusters/{L(clusterName)}/access-entries/{L(principalArn)}/access-policies", body) with { SafeToRetry = true };
    }

    public static AwsWireRequest DisassociateAccessPolicy(string clusterName, string principalArn, string policyArn) =>
        Delete("DisassociateAccessPolicy", $"/clusters/{L(clusterName)}/access-entries/{L(principalArn)}/access-policies/{L(policyArn)}");

    public static AwsWireRequest ListAssociatedAccessPolicies(string clusterName, string principalArn, int? maxResults, string? nextToken) =>
        Get("ListAssociatedAccessPolicies", $"/clusters/{L(clusterName)}/access-entries/{L(principalArn)}/access-policies",
            new EksQuery().Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest ListAccessPolicies(int? maxResults, string? nextToken) =>
        Get("ListAccessPolicies", "/access-policies", new EksQuery().Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest CreatePodIdentityAssociation(CreatePodIdentityAssociationRequest r, string token)
    {
        ArgumentNullException.ThrowIfNull(r);
        var body = new JsonObject { ["namespace"] = r.Namespace, ["serviceAccount"] = r.ServiceAccount, ["roleArn"] = r.RoleArn };
        AddMap(body, "tags", r.Tags);
        AddBool(body, "disableSessionTags", r.DisableSessionTags);
        AddString(body, "targetRoleArn", r.TargetRoleArn);
        body["clientRequestToken"] = r.ClientRequestToken ?? token;
        return Post("CreatePodIdentityAssociation", $"/clusters/{L(r.ClusterName)}/pod-identity-associations", body);
    }

    public static AwsWireRequest DescribePodIdentityAssociation(string clusterName, string associationId) =>
        Get("DescribePodIdentityAssociation", $"/clusters/{L(clusterName)}/pod-identity-associations/{L(associationId)}", string.Empty);

    public static AwsWireRequest ListPodIdentityAssociations(string clusterName, string? @namespace, string? serviceAccount, int? maxResults, string? nextToken) =>
        Get("ListPodIdentityAssociations", $"/clusters/{L(clusterName)}/pod-identity-associations",
            new EksQuery().Add("namespace", @namespace).Add("serviceAccount", serviceAccount).Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest UpdatePodIdentityAssociation(UpdatePodIdentityAssociationRequest r, string token)
    {
        ArgumentNullException.ThrowIfNull(r);
        var body = new JsonObject();
        AddString(body, "roleArn", r.RoleArn);
        AddBool(body, "disableSessionTags", r.DisableSessionTags);
        AddString(body, "targetRoleArn", r.TargetRoleArn);
        body["clientRequestToken"] = r.ClientRequestToken ?? token;
        return Post("UpdatePodIdentityAssociation", $"/clusters/{L(r.ClusterName)}/pod-identity-associations/{L(r.AssociationId)}", body);
    }

    public static AwsWireRequest DeletePodIdentityAssociation(string clusterName, string associationId) =>
        Delete("DeletePodIdentityAssociation", $"/clusters/{L(clusterName)}/pod-identity-associations/{L(associationId)}");

    public static AwsWireRequest DescribeCluster(string name) => Get("DescribeCluster", $"/clusters/{L(name)}", string.Empty);

    public static AwsWireRequest UpdateClusterAuthenticationMode(string name, string authenticationMode, string token)
    {
        var body = new JsonObject
        {
            ["accessConfig"] = new JsonObject { ["authenticationMode"] = authenticationMode },
            ["clientRequestToken"] = token,
        };
        return Post("UpdateClusterConfig", $"/clusters/{L(name)}/update-config", body);
    }

    public static AwsWireRequest DescribeUpdate(string name, string updateId, string? nodegroupName = null, string? addonName = null) =>
        Get("DescribeUpdate", $"/clusters/{L(name)}/updates/{L(updateId)}",
            new EksQuery().Add("nodegroupName", nodegroupName).Add("addonName", addonName).ToString());

    public static AwsWireRequest ListAddons(string clusterName, int? maxResults, string? nextToken) =>
        Get("ListAddons", $"/clusters/{L(clusterName)}/addons", new EksQuery().Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest DescribeAddon(string clusterName, string addonName) =>
        Get("DescribeAddon", $"/clusters/{L(clusterName)}/addons/{L(addonName)}", string.Empty);

    public static AwsWireRequest CreateAddon(CreateAddonRequest r, string token)
    {
        ArgumentNullException.ThrowIfNull(r);
        var body = new JsonObject { ["addonName"] = r.AddonName };
        AddString(body, "addonVersion", r.AddonVersion);
        AddString(body, "serviceAccountRoleArn", r.ServiceAccountRoleArn);
        AddString(body, "resolveConflicts", r.ResolveConflicts);
        AddString(body, "configurationValues", r.ConfigurationValues);
        if (r.PodIdentityAssociations is { } pias)
        {
            var array = new JsonArray();
            foreach (var pia in pias)
            {
                array.Add(new JsonObject { ["serviceAccount"] = pia.ServiceAccount, ["roleArn"] = pia.RoleArn });
            }

            body["podIdentityAssociations"] = array;
        }

        AddMap(body, "tags", r.Tags);
        body["clientRequestToken"] = r.ClientRequestToken ?? token;
        return Post("CreateAddon", $"/clusters/{L(r.ClusterName)}/addons", body);
    }

    public static AwsWireRequest ListNodegroups(string clusterName, int? maxResults, string? nextToken) =>
        Get("ListNodegroups", $"/clusters/{L(clusterName)}/node-groups", new EksQuery().Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest DescribeNodegroup(string clusterName, string nodegroupName) =>
        Get("DescribeNodegroup", $"/clusters/{L(clusterName)}/node-groups/{L(nodegroupName)}", string.Empty);

    public static AwsWireRequest ListFargateProfiles(string clusterName, int? maxResults, string? nextToken) =>
        Get("ListFargateProfiles", $"/clusters/{L(clusterName)}/fargate-profiles", new EksQuery().Add("maxResults", maxResults).Add("nextToken", nextToken).ToString());

    public static AwsWireRequest DescribeFargateProfile(string clusterName, string profileName) =>
        Get("DescribeFargateProfile", $"/clusters/{L(clusterName)}/fargate-profiles/{L(profileName)}", string.Empty);

    /// <summary>Encodes one URI label (ARNs included: ':' and '/' become %3A and %2F).</summary>
    private static string L(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return SigV4Encoding.UriEncode(value);
    }

    private static AwsWireRequest Get(string operation, string path, string query) =>
        new(operation, "GET", path, query, ReadOnlyMemory<byte>.Empty, null, SafeToRetry: true);

    private static AwsWireRequest Delete(string operation, string path) =>
        new(operation, "DELETE", path, string.Empty, ReadOnlyMemory<byte>.Empty, null, SafeToRetry: true);

    private static AwsWireRequest Post(string operation, string path, JsonObject body) =>
        new(operation, "POST", path, string.Empty, Encoding.UTF8.GetBytes(BotoJsonWriter.Write(body)), Json, SafeToRetry: body.ContainsKey("clientRequestToken"));

    private static void AddString(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static void AddBool(JsonObject body, string name, bool? value)
    {
        if (value is { } v)
        {
            body[name] = v;
        }
    }

    private static void AddList(JsonObject body, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            body[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }

    private static void AddMap(JsonObject body, string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in values)
            {
                map[key] = value;
            }

            body[name] = map;
        }
    }
}
