using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class PodIdentityTests
{
    private const string Path = "/clusters/prod/pod-identity-associations";
    private const string Role = "arn:aws:iam::111122223333:role/app-role";

    private static JsonObject Association(string ns, string sa, string role = Role) =>
        new() { ["namespace"] = ns, ["serviceAccount"] = sa, ["roleArn"] = role };

    [Fact]
    public async Task Works_in_CONFIG_MAP_mode_and_rejects_duplicates()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var created = await client.PostAsync(Path, Association("apps", "web"));
        var duplicate = await client.PostAsync(Path, Association("apps", "web", "arn:aws:iam::111122223333:role/other"));
        var badRole = await client.PostAsync(Path, Association("apps", "api", "arn:aws:iam::111122223333:user/someone"));

        Assert.Equal(200, created.Status);
        Assert.StartsWith("a-", created.Body["association"]!["associationId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((409, "ResourceInUseException"), (duplicate.Status, duplicate.ErrorCode));
        Assert.Equal((400, "InvalidParameterException"), (badRole.Status, badRole.ErrorCode));
    }

    [Fact]
    public async Task Update_list_filter_and_delete()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);
        var id = (await client.PostAsync(Path, Association("apps", "web"))).Body["association"]!["associationId"]!.GetValue<string>();
        await client.PostAsync(Path, Association("batch", "worker"));

        var updated = await client.PostAsync($"{Path}/{id}", new JsonObject
        {
            ["roleArn"] = "arn:aws:iam::111122223333:role/new-role",
            ["targetRoleArn"] = "arn:aws:iam::444455556666:role/target",
        });
        var filtered = await client.GetAsync($"{Path}?namespace=batch");
        var deleted = await client.DeleteAsync($"{Path}/{id}");
        var gone = await client.GetAsync($"{Path}/{id}");

        Assert.Equal("arn:aws:iam::111122223333:role/new-role", updated.Body["association"]!["roleArn"]!.GetValue<string>());
        Assert.NotNull(updated.Body["association"]!["externalId"]);
        Assert.Equal("worker", Assert.Single(filtered.Body["associations"]!.AsArray())!["serviceAccount"]!.GetValue<string>());
        Assert.Equal(id, deleted.Body["association"]!["associationId"]!.GetValue<string>());
        Assert.Equal((404, "ResourceNotFoundException"), (gone.Status, gone.ErrorCode));
    }

    [Fact]
    public async Task Addon_created_with_associations_owns_them()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);

        var addon = await client.PostAsync("/clusters/prod/addons", new JsonObject
        {
            ["addonName"] = "aws-ebs-csi-driver",
            ["podIdentityAssociations"] = new JsonArray(new JsonObject { ["serviceAccount"] = "ebs-csi-controller-sa", ["roleArn"] = Role }),
        });
        var again = await client.PostAsync("/clusters/prod/addons", new JsonObject { ["addonName"] = "aws-ebs-csi-driver" });
        var list = await client.GetAsync(Path);
        var summary = Assert.Single(list.Body["associations"]!.AsArray());
        var delete = await client.DeleteAsync($"{Path}/{summary!["associationId"]!.GetValue<string>()}");

        Assert.Equal("CREATING", addon.Body["addon"]!["status"]!.GetValue<string>());
        Assert.Equal((409, "ResourceInUseException"), (again.Status, again.ErrorCode));
        Assert.Equal(addon.Body["addon"]!["addonArn"]!.GetValue<string>(), summary["ownerArn"]!.GetValue<string>());
        Assert.Equal((400, "InvalidRequestException"), (delete.Status, delete.ErrorCode));
    }
}
