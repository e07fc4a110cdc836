using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>The offline scanner: exported files and the command line's facts into one <see cref="ClusterInventory"/>.</summary>
public sealed class OfflineInventoryScannerTests : IDisposable
{
    private const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";

    private static readonly ClusterContext Cluster = new("shop", "eu-west-1", "111122223333", "aws", AuthenticationMode.ConfigMap);

    private readonly string _dir = Directory.CreateTempSubdirectory("eam-offline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Export() => Write("export.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: aws-auth
          namespace: kube-system
        data:
          mapRoles: |
            - rolearn: arn:aws:iam::111122223333:role/nodes
              username: system:node:{{EC2PrivateDNSName}}
              groups: [system:bootstrappers, system:nodes]
        ---
        apiVersion: example.com/v1
        kind: Runner
        metadata:
          name: jobs
          namespace: ci
        spec:
          template:
            metadata:
              annotations:
                example.com/role: ci-runner
        """);

    [Fact]
    public void K2_R2_TheGivenRoleKeyAndOidcIssuer_AreUsedAndRecordedInTheInventory()
    {
        var export = Export();

        var given = new OfflineInventoryScanner(new OfflineScanSettings { Cluster = Cluster, From = [export], CallerArn = "arn:aws:iam::111122223333:role/admin", IamRoleKey = "example.com/role", OidcIssuer = Issuer }).Scan(CancellationToken.None);
        var plain = new OfflineInventoryScanner(new OfflineScanSettings { Cluster = Cluster, From = [export] }).Scan(CancellationToken.None);

        Assert.Equal(Cluster with { OidcIssuer = Issuer }, given.Inventory.Cluster);
        Assert.Equal("example.com/role", given.Inventory.Workloads.IamRoleKey);
        Assert.Equal("arn:aws:iam::111122223333:role/admin", given.Inventory.CallerArn);
        var annotated = Assert.Single(given.Inventory.Workloads.AnnotatedObjects);
        Assert.Equal(("Runner", "ci-runner"), (annotated.Kind, annotated.Value));
        Assert.NotNull(given.Inventory.AwsAuth);
        Assert.Equal((1, 2), (given.Files, given.Objects));

        Assert.Equal(Cluster, plain.Inventory.Cluster);
        Assert.Null(plain.Inventory.Workloads.IamRoleKey);
        Assert.Empty(plain.Inventory.Workloads.AnnotatedObjects);
        Assert.Null(plain.Inventory.ExistingAccessEntries);
    }

    [Fact]
    public void AnAccessEntriesExport_IsRefusedInConfigMapMode_AndTwoOfThemAlways()
    {
        var export = Export();
        var entries = Write("entries.json", """{"accessEntries": []}""");
        var other = Write("other-entries.json", """{"accessEntries": []}""");

        var configMap = Assert.Throws<ManifestException>(() => new OfflineInventoryScanner(new OfflineScanSettings { Cluster = Cluster, From = [export], AccessEntries = entries }).Scan(CancellationToken.None));
        var two = Assert.Throws<ManifestException>(() => OfflineInventoryScanner.ReadManifests([export, other], [], entries, null, CancellationToken.None));

        Assert.Contains("in CONFIG_MAP mode a cluster has no access entries", configMap.Message, StringComparison.Ordinal);
        Assert.Contains("more than one access-entries export", two.Message, StringComparison.Ordinal);
    }
}
