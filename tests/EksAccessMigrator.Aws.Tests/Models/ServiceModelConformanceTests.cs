using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Models;

/// <summary>
/// The requests our EKS and IAM clients build, against the service and paginator models of the installed botocore:
/// operation, HTTP method, request URI, query and body member names, API version, paging parameters.
/// </summary>
public sealed class ServiceModelConformanceTests
{
    private const string Cluster = "my-cluster";
    private const string Role = "arn:aws:iam::111122223333:role/dev/my-role";
    private const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    public static TheoryData<string> EksOperations() => [.. EksBuilders.Keys];

    public static TheoryData<string> IamOperations() => [.. IamBuilders.Keys];

    private static readonly Dictionary<string, Func<AwsWireRequest>> EksBuilders = new(StringComparer.Ordinal)
    {
        ["CreateAccessEntry"] = () => EksRequests.CreateAccessEntry(
            new CreateAccessEntryRequest(Cluster, Role) { KubernetesGroups = ["viewers"], Username = "dev", Type = "STANDARD", Tags = new Dictionary<string, string> { ["a"] = "b" } }, "tok"),
        ["DescribeAccessEntry"] = () => EksRequests.DescribeAccessEntry(Cluster, Role),
        ["ListAccessEntries"] = () => EksRequests.ListAccessEntries(Cluster, ViewPolicy, 10, "next"),
        ["DeleteAccessEntry"] = () => EksRequests.DeleteAccessEntry(Cluster, Role),
        ["AssociateAccessPolicy"] = () => EksRequests.AssociateAccessPolicy(Cluster, Role, ViewPolicy, new EksAccessScope("namespace", ["ns1"])),
        ["DisassociateAccessPolicy"] = () => EksRequests.DisassociateAccessPolicy(Cluster, Role, ViewPolicy),
        ["ListAssociatedAccessPolicies"] = () => EksRequests.ListAssociatedAccessPolicies(Cluster, Role, 10, "next"),
        ["ListAccessPolicies"] = () => EksRequests.ListAccessPolicies(10, "next"),
        ["CreatePodIdentityAssociation"] = () => EksRequests.CreatePodIdentityAssociation(
            new CreatePodIdentityAssociationRequest(Cluster, "default", "sa1", Role) { Tags = new Dictionary<string, string> { ["a"] = "b" }, DisableSessionTags = true, TargetRoleArn = Role }, "tok"),
        ["DescribePodIdentityAssociation"] = () => EksRequests.DescribePodIdentityAssociation(Cluster, "a-1"),
        ["ListPodIdentityAssociations"] = () => EksRequests.ListPodIdentityAssociations(Cluster, "default", "sa1", 10, "next"),
        ["UpdatePodIdentityAssociation"] = () => EksRequests.UpdatePodIdentityAssociation(
            new UpdatePodIdentityAssociationRequest(Cluster, "a-1") { RoleArn = Role, DisableSessionTags = false, TargetRoleArn = Role }, "tok"),
        ["DeletePodIdentityAssociation"] = () => EksRequests.DeletePodIdentityAssociation(Cluster, "a-1"),
        ["DescribeCluster"] = () => EksRequests.DescribeCluster(Cluster),
        ["UpdateClusterConfig"] = () => EksRequests.UpdateClusterAuthenticationMode(Cluster, "API_AND_CONFIG_MAP", "tok"),
        ["DescribeUpdate"] = () => EksRequests.DescribeUpdate(Cluster, "u-1", "ng", "addon"),
        ["ListAddons"] = () => EksRequests.ListAddons(Cluster, 10, "next"),
        ["DescribeAddon"] = () => EksRequests.DescribeAddon(Cluster, "eks-pod-identity-agent"),
        ["CreateAddon"] = () => EksRequests.CreateAddon(new CreateAddonRequest(Cluster, "eks-pod-identity-agent") { AddonVersion = "v1", ServiceAccountRoleArn = Role }, "tok"),
        ["DeleteAddon"] = () => EksRequests.DeleteAddon(Cluster, "eks-pod-identity-agent"),
        ["ListNodegroups"] = () => EksRequests.ListNodegroups(Cluster, 10, "next"),
        ["DescribeNodegroup"] = () => EksRequests.DescribeNodegroup(Cluster, "ng"),
        ["ListFargateProfiles"] = () => EksRequests.ListFargateProfiles(Cluster, 10, "next"),
        ["DescribeFargateProfile"] = () => EksRequests.DescribeFargateProfile(Cluster, "fp"),
    };

    private static readonly Dictionary<string, Func<AwsWireRequest>> IamBuilders = new(StringComparer.Ordinal)
    {
        ["GetRole"] = () => IamRequests.GetRole("my-role"),
        ["GetUser"] = () => IamRequests.GetUser("alice"),
        ["ListRoles"] = () => IamRequests.ListRoles("/dev/", "m", 100),
        ["ListUsers"] = () => IamRequests.ListUsers("/dev/", "m", 100),
        ["UpdateAssumeRolePolicy"] = () => IamRequests.UpdateAssumeRolePolicy("my-role", "{}"),
        ["ListOpenIDConnectProviders"] = IamRequests.ListOpenIdConnectProviders,
        ["TagRole"] = () => IamRequests.TagRole("my-role", [new("a", "b")]),
        ["ListAttachedRolePolicies"] = () => IamRequests.ListAttachedRolePolicies("my-role", "m", 100),
        ["ListRolePolicies"] = () => IamRequests.ListRolePolicies("my-role", "m", 100),
        ["GetRolePolicy"] = () => IamRequests.GetRolePolicy("my-role", "p"),
        ["PutRolePolicy"] = () => IamRequests.PutRolePolicy("my-role", "p", "{}"),
        ["DeleteRolePolicy"] = () => IamRequests.DeleteRolePolicy("my-role", "p"),
        ["GetPolicy"] = () => IamRequests.GetPolicy("arn:aws:iam::111122223333:policy/p"),
        ["GetPolicyVersion"] = () => IamRequests.GetPolicyVersion("arn:aws:iam::111122223333:policy/p", "v1"),
    };

    [Theory]
    [MemberData(nameof(EksOperations))]
    public void Eks_request_has_the_method_uri_query_and_body_members_of_the_model(string operationName)
    {
        using var model = BotocoreModels.Service("eks");
        var request = EksBuilders[operationName]();
        Assert.Equal(operationName, request.Operation);
        var operation = model.RootElement.GetProperty("operations").GetProperty(operationName);
        var http = operation.GetProperty("http");
        var members = InputMembers(model.RootElement, operation);

        Assert.Equal(http.GetProperty("method").GetString(), request.Method);
        var template = http.GetProperty("requestUri").GetString()!.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(template.Length, path.Length);
        for (var i = 0; i < template.Length; i++)
        {
            Assert.True(template[i].StartsWith('{') ? path[i].Length > 0 : template[i] == path[i], $"segment {i} of {request.Path} does not fit {string.Join('/', template)}");
        }

        var queryNames = members.Where(m => m.Location == "querystring").Select(m => m.WireName).ToHashSet(StringComparer.Ordinal);
        foreach (var pair in request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(SigV4Encoding.PercentDecode(pair.Split('=')[0]), queryNames);
        }

        var bodyNames = members.Where(m => m.Location is null).Select(m => m.WireName).ToHashSet(StringComparer.Ordinal);
        if (request.Body.Length > 0)
        {
            var body = JsonNode.Parse(Encoding.UTF8.GetString(request.Body.Span))!.AsObject();
            Assert.All(body.Select(p => p.Key), name => Assert.Contains(name, bodyNames));
        }
    }

    [Fact]
    public void Eks_list_operations_page_with_the_paginator_models_tokens()
    {
        using var paginators = BotocoreModels.Paginators("eks");
        var pagination = paginators.RootElement.GetProperty("pagination");
        var lists = EksBuilders.Keys.Where(k => k.StartsWith("List", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, lists.Count);
        foreach (var name in lists)
        {
            var paginator = pagination.GetProperty(name);
            var query = EksBuilders[name]().Query;
            Assert.Contains("nextToken=next", query, StringComparison.Ordinal);
            Assert.Contains("maxResults=10", query, StringComparison.Ordinal);
            Assert.Equal(("nextToken", "maxResults"), (paginator.GetProperty("input_token").GetString(), paginator.GetProperty("limit_key").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(IamOperations))]
    public void Iam_request_names_a_model_action_its_version_and_input_members(string operationName)
    {
        using var model = BotocoreModels.Service("iam");
        var request = IamBuilders[operationName]();
        var form = Encoding.UTF8.GetString(request.Body.Span).Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: SigV4Encoding.PercentDecode(p[0]), Value: SigV4Encoding.PercentDecode(p[1].Replace('+', ' '))))
            .ToList();
        var operation = model.RootElement.GetProperty("operations").GetProperty(operationName);
        var members = InputMembers(model.RootElement, operation).Select(m => m.WireName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal(operationName, form.Single(p => p.Name == "Action").Value);
        Assert.Equal(model.RootElement.GetProperty("metadata").GetProperty("apiVersion").GetString(), form.Single(p => p.Name == "Version").Value);
        Assert.All(form.Where(p => p.Name is not "Action" and not "Version"), p => Assert.Contains(p.Name.Split('.')[0], members));
        foreach (var required in RequiredMembers(model.RootElement, operation))
        {
            Assert.Contains(form, p => p.Name.Split('.')[0] == required);
        }
    }

    [Fact]
    public void Iam_list_operations_page_with_the_paginator_models_marker_and_max_items()
    {
        using var paginators = BotocoreModels.Paginators("iam");
        var pagination = paginators.RootElement.GetProperty("pagination");

        foreach (var name in new[] { "ListRoles", "ListUsers", "ListAttachedRolePolicies", "ListRolePolicies" })
        {
            var paginator = pagination.GetProperty(name);
            var body = Encoding.UTF8.GetString(IamBuilders[name]().Body.Span);
            Assert.Equal(("Marker", "MaxItems"), (paginator.GetProperty("input_token").GetString(), paginator.GetProperty("limit_key").GetString()));
            Assert.Contains("&Marker=m", body, StringComparison.Ordinal);
            Assert.Contains("&MaxItems=100", body, StringComparison.Ordinal);
        }
    }

    private static List<(string WireName, string? Location)> InputMembers(JsonElement model, JsonElement operation)
    {
        if (!operation.TryGetProperty("input", out var input))
        {
            return [];
        }

        var shape = model.GetProperty("shapes").GetProperty(input.GetProperty("shape").GetString()!);
        return [.. shape.GetProperty("members").EnumerateObject().Select(m => (
            m.Value.TryGetProperty("locationName", out var wire) ? wire.GetString()! : m.Name,
            m.Value.TryGetProperty("location", out var location) ? location.GetString() : null))];
    }

    private static List<string> RequiredMembers(JsonElement model, JsonElement operation) =>
        operation.TryGetProperty("input", out var input)
        && model.GetProperty("shapes").GetProperty(input.GetProperty("shape").GetString()!).TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
}
