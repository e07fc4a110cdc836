using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class PaginationTests
{
    [Fact]
    public async Task Pages_cover_every_item_exactly_once()
    {
        await using var server = await Seed.StartAsync("API");
        for (var i = 0; i < 5; i++)
        {
            server.State.AddAccessEntry(Seed.Cluster, $"arn:aws:iam::111122223333:role/r{i}");
        }

        using var client = new SignedEksClient(server.Endpoint);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "/clusters/prod/access-entries?maxResults=2" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
            var page = await client.GetAsync(query);
            Assert.Equal(200, page.Status);
            seen.AddRange(page.Body["accessEntries"]!.AsArray().Select(n => n!.GetValue<string>()));
            token = page.Body["nextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(5, pages); // 9 entries: 4 made by EKS + 5 seeded
        Assert.Equal(server.State.AccessEntryPrincipals(Seed.Cluster), seen);
    }

    [Theory]
    [InlineData("/clusters/prod/node-groups?nextToken=garbage")]
    [InlineData("/clusters/prod/node-groups?maxResults=0")]
    [InlineData("/clusters/prod/node-groups?maxResults=101")]
    [InlineData("/clusters/prod/addons?maxResults=abc")]
    [InlineData("/access-policies?nextToken=bm9wZQ")]
    public async Task Invalid_paging_parameters_are_InvalidParameter(string pathAndQuery)
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.GetAsync(pathAndQuery);

        Assert.Equal((400, "InvalidParameterException"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task A_token_from_another_operation_is_rejected()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var nodegroups = await client.GetAsync("/clusters/prod/node-groups?maxResults=1");
        var token = nodegroups.Body["nextToken"]!.GetValue<string>();
        var misuse = await client.GetAsync("/clusters/prod/fargate-profiles?nextToken=" + Uri.EscapeDataString(token));
        var next = await client.GetAsync("/clusters/prod/node-groups?maxResults=1&nextToken=" + Uri.EscapeDataString(token));

        Assert.Equal((400, "InvalidParameterException"), (misuse.Status, misuse.ErrorCode));
        Assert.Equal("windows", next.Body["nodegroups"]![0]!.GetValue<string>());
        Assert.Null(next.Body["nextToken"]);
    }
}
