using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Rule K15's input: the ports a workload's pods hold on their node.</summary>
public sealed class HostPortsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"eam-ports-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void K15_HostPortsAndTheContainerPortsOfHostNetworkPods_AreCollected()
    {
        File.WriteAllText(_file, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: node-exporter, namespace: ops}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                  - {name: a, image: x, ports: [{containerPort: 2703}, {containerPort: 9100, hostPort: 9100}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ingress, namespace: edge}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: i, image: x, ports: [{containerPort: 8080, hostPort: 80}]}
                  containers:
                  - {name: a, image: x, ports: [{containerPort: 443}]}
            """);
        var collector = new WorkloadCollector();

        ManifestScanner.Scan([_file], [collector], CancellationToken.None);

        var workloads = collector.ToInventory([]).Workloads.ToDictionary(w => w.Name);
        Assert.Equal([2703, 9100], workloads["node-exporter"].HostPorts.AsEnumerable());
        Assert.Equal([80], workloads["ingress"].HostPorts.AsEnumerable());
    }

    [Fact]
    public void S1_RbacBindingsAreCollected_WithTheirGroupsOnly()
    {
        File.WriteAllText(_file, """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: readers}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
            - {kind: Group, name: readers}
            - {kind: User, name: alice}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: deployers, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
            subjects: [{kind: Group, name: ci}]
            """);
        var collector = new WorkloadCollector();

        ManifestScanner.Scan([_file], [collector], CancellationToken.None);

        var bindings = collector.ToInventory([]).RbacBindings!.Value;
        Assert.Equal(["ClusterRoleBinding/readers", "shop/RoleBinding/deployers"], bindings.Select(b => b.Key));
        Assert.Equal(["readers"], bindings[0].Groups.AsEnumerable());
        Assert.Equal(("Role", "deployer"), (bindings[1].RoleKind, bindings[1].RoleName));
    }
}
