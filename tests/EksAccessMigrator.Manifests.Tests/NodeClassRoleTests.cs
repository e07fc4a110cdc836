using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Rules N1-N3's inputs offline: the node role of each Karpenter EC2NodeClass in --from.</summary>
public sealed class NodeClassRoleTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"eam-nodeclass-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void N1_EC2NodeClassRoles_AreCollected_OtherGroupsOfTheKindAreNot()
    {
        File.WriteAllText(_file, """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: default}
            spec: {role: KarpenterNodeRole-prod, amiSelectorTerms: [{alias: al2023@latest}]}
            ---
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: profile-only}
            spec: {instanceProfile: KarpenterProfile}
            ---
            apiVersion: example.com/v1
            kind: EC2NodeClass
            metadata: {name: other}
            spec: {role: not-karpenter}
            """);
        var collector = new WorkloadCollector();

        ManifestScanner.Scan([_file], [collector], CancellationToken.None);

        var role = Assert.Single(collector.ToInventory([]).NodeClassRoles);
        Assert.Equal(("default", "KarpenterNodeRole-prod"), (role.NodeClass, role.Role));
    }
}
