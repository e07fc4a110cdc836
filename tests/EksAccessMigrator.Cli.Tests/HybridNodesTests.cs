using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Rule K9 from a real export: EKS Hybrid Nodes run Pod Identity; Windows nodes do not.</summary>
public sealed class HybridNodesTests : IDisposable
{
    private const string Export = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: kube2iam, namespace: kube-system}
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: kube2iam
                  image: jtblin/kube2iam:0.11.2
                  args: [--base-role-arn=arn:aws:iam::111122223333:role/]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: edge, namespace: plant}
        spec:
          template:
            metadata:
              annotations: {iam.amazonaws.com/role: plant-edge}
            spec:
              serviceAccountName: edge
              nodeSelector:
                eks.amazonaws.com/compute-type: hybrid
                kubernetes.io/os: linux
              containers: [{name: edge, image: example/edge:1}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: scada, namespace: plant}
        spec:
          template:
            metadata:
              annotations: {iam.amazonaws.com/role: plant-scada}
            spec:
              serviceAccountName: scada
              nodeSelector:
                eks.amazonaws.com/compute-type: hybrid
                kubernetes.io/os: windows
              containers: [{name: scada, image: example/scada:1}]
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("eam-hybrid-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task K9_WorkloadsOnHybridNodesAreMigrated_WindowsOnesAreNot()
    {
        var file = Path.Combine(_dir, "export.yaml");
        await File.WriteAllTextAsync(file, Export);

        var result = await CliRun.RunAsync("plan", "--from", file, "--cluster", "plant", "--region", "eu-west-1", "--account", "111122223333", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = PlanJson.Deserialize(result.Out, "hybrid");
        var association = Assert.Single(plan.Changes.OfType<CreatePodIdentityAssociationChange>());
        Assert.Equal(("plant", "edge", "arn:aws:iam::111122223333:role/plant-edge"), (association.Namespace, association.ServiceAccount, association.RoleArn));
        var blocked = Assert.Single(plan.Findings, f => f.Code == "pod-identity-unsupported-compute");
        Assert.Equal("plant/Deployment/scada", blocked.Subject);
        Assert.Contains("EKS Hybrid Nodes", blocked.Message, StringComparison.Ordinal);
    }
}
