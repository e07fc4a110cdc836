using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class AccessEntryTests
{
    private const string Entries = "/clusters/prod/access-entries";

    [Fact]
    public async Task Access_entry_calls_are_rejected_in_CONFIG_MAP_mode()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var create = await client.PostAsync(Entries, new JsonObject { ["principalArn"] = Seed.Developer });
        var list = await client.GetAsync(Entries);

        Assert.Equal((400, "InvalidRequestException"), (create.Status, create.ErrorCode));
        Assert.Equal((400, "InvalidRequestException"), (list.Status, list.ErrorCode));
        Assert.Contains("authentication mode", create.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_describe_update_delete_round_trip()
    {
        await using var server = await Seed.StartAsync("API_AND_CONFIG_MAP");
        using var client = new SignedEksClient(server.Endpoint);
        var path = $"{Entries}/{SignedEksClient.Arn(Seed.Developer)}";

        var created = await client.PostAsync(Entries, new JsonObject
        {
            ["principalArn"] = Seed.Developer,
            ["kubernetesGroups"] = new JsonArray("developers"),
            ["username"] = "dev-user",
        });
        var described = await client.GetAsync(path);
        var updated = await client.PostAsync(path, new JsonObject { ["kubernetesGroups"] = new JsonArray("viewers", "devs") });
        var deleted = await client.DeleteAsync(path);
        var gone = await client.GetAsync(path);

        Assert.Equal(200, created.Status);
        Assert.Equal("STANDARD", created.Body["accessEntry"]!["type"]!.GetValue<string>());
        Assert.Equal("dev-user", described.Body["accessEntry"]!["username"]!.GetValue<string>());
        Assert.Equal("developers", described.Body["accessEntry"]!["kubernetesGroups"]![0]!.GetValue<string>());
        Assert.Equal(2, updated.Body["accessEntry"]!["kubernetesGroups"]!.AsArray().Count);
        Assert.Equal("dev-user", updated.Body["accessEntry"]!["username"]!.GetValue<string>());
        Assert.Equal(200, deleted.Status);
        Assert.Equal((404, "ResourceNotFoundException"), (gone.Status, gone.ErrorCode));
        Assert.NotNull(created.RequestId);
    }

    [Fact]
    public async Task Role_without_username_gets_the_generated_assumed_role_username()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var created = await client.PostAsync(Entries, new JsonObject { ["principalArn"] = Seed.Developer });

        Assert.Equal(
            "arn:aws:sts::111122223333:assumed-role/developer/{{SessionName}}",
            created.Body["accessEntry"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_entry_is_ResourceInUse()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        await client.PostAsync(Entries, new JsonObject { ["principalArn"] = Seed.Developer });
        var again = await client.PostAsync(Entries, new JsonObject { ["principalArn"] = Seed.Developer });

        Assert.Equal((409, "ResourceInUseException"), (again.Status, again.ErrorCode));
    }

    [Theory]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"kubernetesGroups\":[\"system:masters\"]}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"username\":\"system:admin\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"username\":\"eks:x\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"username\":\"amazon:x\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"username\":\"{{SessionName}}\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"username\":\"u:{{SessionNameRaw}}\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"type\":\"EC2_LINUX\",\"kubernetesGroups\":[\"a\"]}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"type\":\"EC2_LINUX\",\"username\":\"a\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::999999999999:role/x\",\"type\":\"EC2_LINUX\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/x\",\"type\":\"BOGUS\"}")]
    [InlineData("{\"principalArn\":\"not-an-arn\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:sts::111122223333:assumed-role/x/y\"}")]
    [InlineData("{\"principalArn\":\"arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS\"}")]
    [InlineData("{\"kubernetesGroups\":[\"a\"]}")]
    public async Task Invalid_create_requests_are_InvalidParameter(string body)
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.PostAsync(Entries, JsonNode.Parse(body)!.AsObject());

        Assert.Equal((400, "InvalidParameterException"), (response.Status, response.ErrorCode));
        Assert.Equal(4, server.State.AccessEntryPrincipals(Seed.Cluster).Count); // only the EKS-made entries
    }

    [Fact]
    public async Task Same_client_request_token_returns_the_original_result()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);
        var body = new JsonObject { ["principalArn"] = Seed.Developer, ["clientRequestToken"] = "tok-1" };

        var first = await client.PostAsync(Entries, body);
        var retry = await client.PostAsync(Entries, (JsonObject)body.DeepClone());
        var different = await client.PostAsync(Entries, new JsonObject
        {
            ["principalArn"] = Seed.Developer,
            ["username"] = "other",
            ["clientRequestToken"] = "tok-1",
        });

        Assert.Equal(200, retry.Status);
        Assert.Equal(first.Body.ToJsonString(), retry.Body.ToJsonString());
        Assert.Equal((400, "InvalidParameterException"), (different.Status, different.ErrorCode));
    }

    [Fact]
    public async Task Unknown_cluster_and_unknown_route_are_not_found()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var cluster = await client.GetAsync("/clusters/nope/access-entries");
        var route = await client.GetAsync("/nothing-here");

        Assert.Equal((404, "ResourceNotFoundException"), (cluster.Status, cluster.ErrorCode));
        Assert.Equal("nope", cluster.Body["clusterName"]!.GetValue<string>());
        Assert.Equal(404, route.Status);
        Assert.Equal(["ListAccessEntries", "Unknown"], server.Requests.Operations);
    }
}
