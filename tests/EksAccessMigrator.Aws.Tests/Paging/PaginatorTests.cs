using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Paging;

/// <summary>The one paginator over the EKS and IAM clients and HTTP, as the scan and apply use it: every page once, and no endless loop.</summary>
public sealed class PaginatorTests
{
    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDPAGINATOR0000001", "PaginatorSecretNeverLogged00000000000001", null);

    private static AwsClientSettings Settings(Uri endpoint) => new()
    {
        Region = "us-east-1",
        EksEndpointUrl = endpoint,
        IamEndpointUrl = endpoint,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Eks_pages_are_followed_to_the_end_in_order()
    {
        await using var server = new ScriptedServer(
            new ScriptedResponse(200, "{\"addons\": [\"a\", \"b\"], \"nextToken\": \"t1\"}"),
            new ScriptedResponse(200, "{\"addons\": [\"c\"], \"nextToken\": \"\"}"));
        using var eks = EksClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials));

        Assert.Equal(["a", "b", "c"], await AwsPaginator.ListAllAsync<string>("ListAddons", async (token, ct) => await eks.ListAddonsPageAsync("c1", null, token, ct), CancellationToken.None));
        Assert.Equal(["GET /clusters/c1/addons", "GET /clusters/c1/addons?nextToken=t1"], server.RequestLines);
    }

    [Fact]
    public async Task A_repeated_eks_token_stops_the_list()
    {
        await using var server = new ScriptedServer(new ScriptedResponse(200, "{\"addons\": [\"a\"], \"nextToken\": \"again\"}"));
        using var eks = EksClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials));

        var error = await Assert.ThrowsAsync<FormatException>(() => AwsPaginator.ListAllAsync<string>("ListAddons", async (token, ct) => await eks.ListAddonsPageAsync("c1", null, token, ct), CancellationToken.None));

        Assert.Contains("ListAddons returned a continuation token it had returned before", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_truncated_iam_list_without_a_marker_is_refused()
    {
        const string Page = "<ListUsersResponse><ListUsersResult><IsTruncated>true</IsTruncated><Users><member><Path>/</Path><UserName>u</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::111122223333:user/u</Arn></member></Users></ListUsersResult></ListUsersResponse>";
        await using var server = new ScriptedServer(new ScriptedResponse(200, Page));
        using var iam = IamClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials));

        var error = await Assert.ThrowsAsync<FormatException>(() => ToListAsync(iam.ListUsersAsync(null, CancellationToken.None)));

        Assert.Contains("truncated list without a Marker", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }
}
