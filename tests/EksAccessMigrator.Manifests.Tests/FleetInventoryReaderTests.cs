using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Fleet;

namespace EksAccessMigrator.Manifests.Tests;

public sealed class FleetInventoryReaderTests
{
    [Fact]
    public void AFullInventory_IsRead_WithEveryKeyAndThePerClusterPlanOptions()
    {
        var inventory = FleetInventoryReader.Parse("""
            clusters:
              - name: shop-eu
                region: eu-west-1
                profile: ops
                roleArn: arn:aws:iam::222233334444:role/eks-migrator
                kubeconfig: /home/ops/.kube/config
                context: shop-eu
                tags: {wave: "1", env: prod}
                plan:
                  phase: cutover
                  kube2iamBaseRoleArn: arn:aws:iam::222233334444:role/
                  kube2iamDefaultRole: default
                  kiamRoleBaseArn: arn:aws:iam::222233334444:role/kiam/
                  iamRoleKey: example.com/role
                  includeIrsa: true
              - name: tools
                region: us-east-1
            """, "fleet.yaml");

        Assert.Equal(["shop-eu", "tools"], inventory.Clusters.Select(c => c.Name));
        var shop = inventory.Clusters[0];
        Assert.Equal("eu-west-1", shop.Region);
        Assert.Equal("ops", shop.Profile);
        Assert.Equal("arn:aws:iam::222233334444:role/eks-migrator", shop.RoleArn);
        Assert.Equal("/home/ops/.kube/config", shop.Kubeconfig);
        Assert.Equal("shop-eu", shop.Context);
        Assert.Equal("1", shop.Tags["wave"]);
        Assert.Equal("prod", shop.Tags["env"]);
        Assert.Equal(new FleetPlanSettings
        {
            Phase = "cutover",
            Kube2iamBaseRoleArn = "arn:aws:iam::222233334444:role/",
            Kube2iamDefaultRole = "default",
            KiamRoleBaseArn = "arn:aws:iam::222233334444:role/kiam/",
            IamRoleKey = "example.com/role",
            IncludeIrsa = true,
        }, shop.Plan);
        Assert.Equal(FleetPlanSettings.None, inventory.Clusters[1].Plan);
        Assert.Null(inventory.Clusters[1].RoleArn);
    }

    [Theory]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    rolearn: arn:aws:iam::1:role/x\n", "fleet.yaml:4: unknown key 'rolearn' in a cluster")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\nregions: [x]\n", "fleet.yaml:4: unknown key 'regions' in the inventory")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    plan: {phase: migrate, includeIRSA: true}\n", "unknown key 'includeIRSA' in cluster 'a''s plan")]
    [InlineData("clusters:\n  - name: a\n    region: [eu-west-1]\n", "fleet.yaml:3: 'region' must be a non-empty string")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    tags: [wave]\n", "'tags' must be a mapping of strings")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    plan: {includeIrsa: yes}\n", "plan.includeIrsa must be true or false")]
    [InlineData("clusters:\n  - name: a\n", "lacks 'region'")]
    [InlineData("clusters: a\n", "'clusters:' must be a list")]
    [InlineData("- name: a\n", "an inventory is one YAML mapping")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n  - name: a\n    region: us-east-1\n", "cluster 'a' is listed more than once")]
    [InlineData("clusters:\n  - name: a\n    name: b\n    region: eu-west-1\n", "fleet.yaml:3: not valid YAML: Duplicate key")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    roleArn: arn:aws:iam::222233334444:user/x\n", "is not an IAM role ARN")]
    [InlineData("clusters: []\n", "lists no clusters")]
    [InlineData("clusters:\n  - name: a\n    region: 'eu-west-1\n", "not valid YAML")]
    public void ABadInventory_IsRefused_NamingTheFileTheLineAndWhatToFix(string text, string expected)
    {
        var error = Assert.Throws<ManifestException>(() => FleetInventoryReader.Parse(text, "fleet.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("fleet.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsRefusedWithWhatToGive()
    {
        var error = Assert.Throws<ManifestException>(() => FleetInventoryReader.Read(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.yaml")));

        Assert.Contains("no such inventory file", error.Message, StringComparison.Ordinal);
    }
}
