using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class AuthenticationModeTests
{
    private static JsonObject Mode(string mode) => new() { ["accessConfig"] = new JsonObject { ["authenticationMode"] = mode } };

    [Fact]
    public async Task Mode_change_is_asynchronous_and_completes_after_the_configured_polls()
    {
        await using var server = await Seed.StartAsync(options: new FakeEksOptions { UpdatePollsUntilComplete = 3 });
        using var client = new SignedEksClient(server.Endpoint);

        var update = await client.PostAsync("/clusters/prod/update-config", Mode("API_AND_CONFIG_MAP"));
        var id = update.Body["update"]!["id"]!.GetValue<string>();
        var cluster = await client.GetAsync("/clusters/prod");
        var second = await client.PostAsync("/clusters/prod/update-config", Mode("API"));
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var poll = await client.GetAsync($"/clusters/prod/updates/{id}");
            statuses.Add(poll.Body["update"]!["status"]!.GetValue<string>());
        }

        Assert.Equal("InProgress", update.Body["update"]!["status"]!.GetValue<string>());
        Assert.Equal("AccessConfigUpdate", update.Body["update"]!["type"]!.GetValue<string>());
        Assert.Equal("CONFIG_MAP", cluster.Body["cluster"]!["accessConfig"]!["authenticationMode"]!.GetValue<string>());
        Assert.Equal("UPDATING", cluster.Body["cluster"]!["status"]!.GetValue<string>());
        Assert.Equal((409, "ResourceInUseException"), (second.Status, second.ErrorCode));
        Assert.Equal(["InProgress", "InProgress", "Successful"], statuses);
        Assert.Equal("API_AND_CONFIG_MAP", server.State.AuthenticationModeOf(Seed.Cluster));
    }

    [Fact]
    public async Task Enabling_access_entries_creates_the_entries_EKS_makes_itself()
    {
        await using var server = await Seed.StartAsync(options: new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        using var client = new SignedEksClient(server.Endpoint);

        await client.PostAsync("/clusters/prod/update-config", Mode("API_AND_CONFIG_MAP"));
        var list = await client.GetAsync("/clusters/prod/access-entries");
        var node = await client.GetAsync($"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.NodeRole)}");
        var windows = await client.GetAsync($"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.WindowsNodeRole)}");
        var fargate = await client.GetAsync($"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.FargateRole)}");
        var creator = await client.GetAsync($"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.Creator)}/access-policies");

        Assert.Equal(4, list.Body["accessEntries"]!.AsArray().Count);
        Assert.Equal("EC2_LINUX", node.Body["accessEntry"]!["type"]!.GetValue<string>());
        Assert.Equal("EC2_WINDOWS", windows.Body["accessEntry"]!["type"]!.GetValue<string>());
        Assert.Equal("FARGATE_LINUX", fargate.Body["accessEntry"]!["type"]!.GetValue<string>());
        var policy = Assert.Single(creator.Body["associatedAccessPolicies"]!.AsArray());
        Assert.Equal(Seed.AdminPolicy, policy!["policyArn"]!.GetValue<string>());
        Assert.Equal("cluster", policy["accessScope"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("API_AND_CONFIG_MAP", "CONFIG_MAP")]
    [InlineData("API", "API_AND_CONFIG_MAP")]
    [InlineData("API", "CONFIG_MAP")]
    [InlineData("API", "API")]
    [InlineData("CONFIG_MAP", "OIDC")]
    public async Task Mode_changes_are_one_way(string current, string requested)
    {
        await using var server = await Seed.StartAsync(current);
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.PostAsync("/clusters/prod/update-config", Mode(requested));

        Assert.Equal((400, "InvalidParameterException"), (response.Status, response.ErrorCode));
        Assert.Equal(current, server.State.AuthenticationModeOf(Seed.Cluster));
    }

    [Fact]
    public async Task Unknown_update_and_unknown_cluster_are_not_found()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var update = await client.GetAsync("/clusters/prod/updates/00000000-0000-0000-0000-000000000000");
        var cluster = await client.GetAsync("/clusters/other");

        Assert.Equal((404, "ResourceNotFoundException"), (update.Status, update.ErrorCode));
        Assert.Equal((404, "ResourceNotFoundException"), (cluster.Status, cluster.ErrorCode));
    }
}
