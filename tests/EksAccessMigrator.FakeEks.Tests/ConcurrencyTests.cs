using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_creates_of_one_principal_succeed_exactly_once()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            client.PostAsync("/clusters/prod/access-entries", new JsonObject { ["principalArn"] = Seed.Developer })));

        Assert.Single(responses, r => r.Status == 200);
        Assert.Equal(15, responses.Count(r => r.ErrorCode == "ResourceInUseException"));
        Assert.Equal(16, server.Requests.Count("CreateAccessEntry"));
    }

    [Fact]
    public async Task Parallel_retries_with_one_token_all_return_the_same_result()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsync(
            "/clusters/prod/pod-identity-associations",
            new JsonObject
            {
                ["namespace"] = "apps",
                ["serviceAccount"] = "web",
                ["roleArn"] = "arn:aws:iam::111122223333:role/app",
                ["clientRequestToken"] = "same-token",
            })));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Single(responses.Select(r => r.Body["association"]!["associationId"]!.GetValue<string>()).Distinct());
    }
}
