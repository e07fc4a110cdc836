using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// What the workload collector reads from a pod spec for rules K9 (Windows nodes), K15 (ports on the node) and K16
/// (Pod Identity's variables), read without building a set or dictionary per pod (issue 11).
/// </summary>
public sealed class PodTemplateReadingTests : IDisposable
{
    private const string Export = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: on-host, namespace: a}
          spec:
            hostNetwork: true
            nodeSelector: {kubernetes.io/os: linux}
            containers:
            - name: app
              ports: [{containerPort: 80}, {containerPort: 9000, hostPort: 2703}]
              env:
              - {name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: "http://169.254.170.23/v1/credentials"}
              - {name: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, value: /var/run/token}
            - name: sidecar
              env: [{name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: x}, {value: no-name}]
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: init-port, namespace: a}
          spec:
            template:
              spec:
                nodeSelector: {beta.kubernetes.io/os: windows}
                initContainers:
                - name: init
                  ports: [{containerPort: 8080, hostPort: 8081}, {hostPort: "not-a-port"}, {hostPort: 70000}]
                containers:
                - name: app
                  ports: [{containerPort: 8080}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: affinity, namespace: a}
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [windows]}]
            containers: [{name: app}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: plain, namespace: a}
          spec:
            nodeSelector: {kubernetes.io/os: null}
            containers: []
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("eam-podspec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void K9_K15_K16_ThePodSpecsWindowsSelection_PortsOnTheNode_AndCredentialVariables()
    {
        var path = Path.Combine(_dir, "export.yaml");
        File.WriteAllText(path, Export);
        var collector = new WorkloadCollector();

        ManifestScanner.Scan([path], [collector], CancellationToken.None);

        var workloads = collector.ToInventory([]).Workloads.ToDictionary(w => w.Name);
        Assert.False(workloads["on-host"].SelectsWindows);
        Assert.Equal([80, 2703, 9000], workloads["on-host"].HostPorts.ToArray());
        Assert.Equal(
            [new ContainerCredentialEnv("app", true, true), new ContainerCredentialEnv("sidecar", true, false)],
            workloads["on-host"].ContainerEnv.ToArray());

        Assert.True(workloads["init-port"].SelectsWindows);
        Assert.Equal([8081], workloads["init-port"].HostPorts.ToArray());
        Assert.Equal(ImmutableArray<ContainerCredentialEnv>.Empty, workloads["init-port"].ContainerEnv);

        Assert.True(workloads["affinity"].SelectsWindows);
        Assert.Equal([new ContainerCredentialEnv("app", false, false)], workloads["affinity"].ContainerEnv.ToArray());

        Assert.False(workloads["plain"].SelectsWindows);
        Assert.Empty(workloads["plain"].HostPorts.ToArray());
        Assert.Empty(workloads["plain"].ContainerEnv);
    }
}
