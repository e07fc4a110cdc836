using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Rule K16's inputs: a Pod's phase and which containers carry Pod Identity's environment (names only).</summary>
public sealed class PodCredentialEnvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eam-k16-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void K16_APodsContainersAndPhase_AreCollected_WithoutAnyValue()
    {
        var file = Path.Combine(_folder, "pods.yaml");
        File.WriteAllText(file, """
            apiVersion: v1
            kind: Pod
            metadata: {name: web-1, namespace: shop}
            spec:
              serviceAccountName: web
              containers:
              - name: app
                image: x
                env:
                - {name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: "http://169.254.170.23/v1/credentials"}
                - {name: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, value: /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token}
              - {name: sidecar, image: y, env: [{name: OTHER, value: secret-value}]}
            status: {phase: Running}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: x, env: [{name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: v}]}
            """);
        var collector = new WorkloadCollector();

        ManifestScanner.Scan([file], [collector], CancellationToken.None);

        var workloads = collector.ToInventory([]).Workloads.ToDictionary(w => w.Kind);
        var pod = workloads["Pod"];
        Assert.Equal("Running", pod.PodPhase);
        Assert.Equal([("app", true), ("sidecar", false)], pod.ContainerEnv.Select(c => (c.Container, c.HasPodIdentity)));
        Assert.DoesNotContain("secret-value", pod.ToString(), StringComparison.Ordinal);
        Assert.Empty(workloads["Deployment"].ContainerEnv);
        Assert.Null(workloads["Deployment"].PodPhase);
    }

    [Fact]
    public void K16_OfflineFromAuthorizationDetails_AnAccessEntryOlderThanItsRecreatedRole_IsReported()
    {
        var file = Path.Combine(_folder, "details.json");
        File.WriteAllText(file, """
            {"RoleDetailList": [
              {"Arn": "arn:aws:iam::111122223333:role/deploy", "CreateDate": "2024-06-01T00:00:00Z"},
              {"Arn": "arn:aws:iam::111122223333:role/steady", "CreateDate": "2022-01-01T00:00:00Z"}]}
            """);
        var roles = RolePermissionsReader.Read([file])!.Roles;
        var entryCreated = new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var subjects = MigrationProof.EntryAges(
            [KeyValuePair.Create("arn:aws:iam::111122223333:role/deploy", entryCreated), KeyValuePair.Create("arn:aws:iam::111122223333:role/steady", entryCreated)],
            roles.Select(r => KeyValuePair.Create(r.RoleArn, r.CreateDate!.Value))).ToList();

        Assert.Equal(["access-entry/arn:aws:iam::111122223333:role/deploy"], subjects.Select(s => s.Address));
    }
}
