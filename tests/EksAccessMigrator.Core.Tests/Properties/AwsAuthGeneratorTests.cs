using FsCheck;
using FsCheck.Fluent;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>The aws-auth generator reaches every kind of row, and a failing property shrinks to a minimal aws-auth.</summary>
public sealed class AwsAuthGeneratorTests
{
    [Fact]
    public void Generated_cases_reach_every_row_shape_and_every_cluster_variant()
    {
        var shapes = new HashSet<AwsAuthRowShape>();
        int broken = 0, accounts = 0, withIam = 0, existing = 0, mapUsers = 0, empty = 0;
        Prop.ForAll(AwsAuthGenerator.Cases, generated =>
        {
            shapes.UnionWith(generated.Rows.Select(r => r.Shape));
            broken += generated.BrokenMapRoles ? 1 : 0;
            accounts += generated.MapAccounts ? 1 : 0;
            withIam += generated.WithIamSnapshot ? 1 : 0;
            existing += generated.ExistingEntries.IsEmpty ? 0 : 1;
            mapUsers += generated.Rows.Any(r => r.InMapUsers) ? 1 : 0;
            empty += generated.Rows.IsEmpty ? 1 : 0;
        }).Check(PropertyRun.Cases(1000));

        Assert.Equal(Enum.GetValues<AwsAuthRowShape>().Order(), shapes.Order());
        Assert.InRange(broken, 30, 120);
        Assert.InRange(accounts, 120, 280);
        Assert.InRange(withIam, 400, 600);
        Assert.InRange(existing, 200, 400);
        Assert.InRange(mapUsers, 500, 1000);
        Assert.InRange(empty, 40, 150);
    }

    [Fact]
    public void A_failing_property_shrinks_to_the_one_row_that_breaks_it()
    {
        var property = Prop.ForAll(AwsAuthGenerator.Cases, generated =>
            Assert.DoesNotContain(generated.Rows, r => r.Groups.Contains("system:masters") && r.Shape != AwsAuthRowShape.NoPrincipal));

        var failure = Assert.ThrowsAny<Exception>(() => property.Check(PropertyRun.Cases(1000)));

        var message = failure.Message;
        Assert.Contains($"({PropertyRun.Seed},", message, StringComparison.Ordinal);
        var shrunk = message[message.IndexOf("Shrunk:", StringComparison.Ordinal)..message.IndexOf("with exception", StringComparison.Ordinal)];
        var rows = shrunk.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.Single(rows);
        Assert.Contains("  groups: [\"system:masters\"]", shrunk, StringComparison.Ordinal);
        Assert.DoesNotContain("username:", shrunk, StringComparison.Ordinal);
        Assert.Contains("IAM snapshot: no", shrunk, StringComparison.Ordinal);
        Assert.Contains("authentication mode: CONFIG_MAP", shrunk, StringComparison.Ordinal);
    }
}
