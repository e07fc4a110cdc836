using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class AccessPolicyTests
{
    private static readonly string DeveloperPath = $"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.Developer)}";

    [Fact]
    public async Task Associate_list_filter_and_disassociate()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);
        await client.PostAsync("/clusters/prod/access-entries", new JsonObject { ["principalArn"] = Seed.Developer });

        var associated = await client.PostAsync($"{DeveloperPath}/access-policies", new JsonObject
        {
            ["policyArn"] = Seed.ViewPolicy,
            ["accessScope"] = new JsonObject { ["type"] = "namespace", ["namespaces"] = new JsonArray("dev", "qa-*") },
        });
        var listed = await client.GetAsync($"{DeveloperPath}/access-policies");
        var filtered = await client.GetAsync($"/clusters/prod/access-entries?associatedPolicyArn={SignedEksClient.Arn(Seed.ViewPolicy)}");
        var removed = await client.DeleteAsync($"{DeveloperPath}/access-policies/{SignedEksClient.Arn(Seed.ViewPolicy)}");
        var removedAgain = await client.DeleteAsync($"{DeveloperPath}/access-policies/{SignedEksClient.Arn(Seed.ViewPolicy)}");

        Assert.Equal(200, associated.Status);
        Assert.Equal("namespace", associated.Body["associatedAccessPolicy"]!["accessScope"]!["type"]!.GetValue<string>());
        Assert.Equal(Seed.Developer, listed.Body["principalArn"]!.GetValue<string>());
        Assert.Single(listed.Body["associatedAccessPolicies"]!.AsArray());
        Assert.Equal([Seed.Developer], filtered.Body["accessEntries"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(200, removed.Status);
        Assert.Equal((404, "ResourceNotFoundException"), (removedAgain.Status, removedAgain.ErrorCode));
    }

    [Theory]
    [InlineData("arn:aws:eks::aws:cluster-access-policy/AmazonEKSMadeUpPolicy", "cluster", false)]
    [InlineData("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", "namespace", false)]
    [InlineData("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", "cluster", true)]
    [InlineData("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", "galaxy", false)]
    public async Task Invalid_associations_are_InvalidParameter(string policyArn, string scopeType, bool withNamespaces)
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);
        await client.PostAsync("/clusters/prod/access-entries", new JsonObject { ["principalArn"] = Seed.Developer });
        var scope = new JsonObject { ["type"] = scopeType };
        if (withNamespaces)
        {
            scope["namespaces"] = new JsonArray("dev");
        }

        var response = await client.PostAsync($"{DeveloperPath}/access-policies", new JsonObject { ["policyArn"] = policyArn, ["accessScope"] = scope });

        Assert.Equal((400, "InvalidParameterException"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task Policies_cannot_be_associated_with_node_entries()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.PostAsync(
            $"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.NodeRole)}/access-policies",
            new JsonObject { ["policyArn"] = Seed.ViewPolicy, ["accessScope"] = new JsonObject { ["type"] = "cluster" } });
        var update = await client.PostAsync(
            $"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.NodeRole)}",
            new JsonObject { ["kubernetesGroups"] = new JsonArray("a") });

        Assert.Equal((400, "InvalidParameterException"), (response.Status, response.ErrorCode));
        Assert.Equal((400, "InvalidParameterException"), (update.Status, update.ErrorCode));
    }

    [Fact]
    public async Task ListAccessPolicies_returns_the_managed_policies()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.GetAsync("/access-policies");

        var names = response.Body["accessPolicies"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("AmazonEKSClusterAdminPolicy", names);
        Assert.Contains("AmazonEKSAdminPolicy", names);
        Assert.Contains("AmazonEKSEditPolicy", names);
        Assert.Contains("AmazonEKSViewPolicy", names);
        Assert.All(response.Body["accessPolicies"]!.AsArray(), p => Assert.Equal(
            "arn:aws:eks::aws:cluster-access-policy/" + p!["name"]!.GetValue<string>(),
            p["arn"]!.GetValue<string>()));
    }
}
