using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Yaml;
using static EksAccessMigrator.Manifests.Collectors.ManifestPaths;

namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>
/// Keeps what rules K1-K14 and R1-R4 need from Namespaces, ServiceAccounts, Pods, workload pod templates, the
/// kube2iam/kiam agents and any other object that carries the role annotation: small records, never node trees.
/// </summary>
public sealed class WorkloadCollector(string roleKey = "iam.amazonaws.com/role") : IManifestCollector
{
    private const int MaxSearchDepth = 32;

    private readonly List<NamespaceInfo> _namespaces = [];
    private readonly List<ServiceAccountInfo> _serviceAccounts = [];
    private readonly List<WorkloadInfo> _workloads = [];
    private readonly List<IdentityAgentInfo> _agents = [];
    private readonly List<AnnotatedObject> _annotated = [];
    private readonly List<RbacBinding> _bindings = [];
    private readonly List<NodeClassRole> _nodeClasses = [];
    private readonly StringMaps _maps = new();
    private bool _podIdentityAgent;

    public WorkloadInventory ToInventory(ImmutableArray<RoleTrustPolicy> trustPolicies) => new()
    {
        Namespaces = [.. _namespaces],
        ServiceAccounts = [.. _serviceAccounts],
        Workloads = [.. _workloads],
        Agents = [.. _agents],
        AnnotatedObjects = [.. _annotated],
        TrustPolicies = trustPolicies,
        PodIdentityAgentInstalled = _podIdentityAgent ? true : null,
        RbacBindings = _bindings.Count == 0 ? null : [.. _bindings],
        NodeClassRoles = [.. _nodeClasses],
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Visit(ManifestObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var ns = manifest.Namespace ?? "default";
        var name = manifest.Name ?? "(unnamed)";
        var location = manifest.Location;
        var metadata = Map(manifest.Root, "metadata");
        switch (manifest.Kind)
        {
            case "Namespace" when IsCore(manifest):
                _namespaces.Add(new NamespaceInfo(name, _maps.Of(Map(metadata, "annotations")), location));
                return;
            case "ServiceAccount" when IsCore(manifest):
                _serviceAccounts.Add(new ServiceAccountInfo(
                    ns,
                    name,
                    _maps.Of(Map(metadata, "annotations")),
                    _maps.Of(Map(metadata, "labels")),
                    [.. Items(manifest.Root["imagePullSecrets"]).OfType<ManifestMapping>().Select(s => Text(s["name"])).OfType<string>()],
                    Bool(manifest.Root["automountServiceAccountToken"]),
                    location));
                return;
            case "ClusterRoleBinding" or "RoleBinding" when manifest.ApiVersion.StartsWith("rbac.authorization.k8s.io/", StringComparison.Ordinal):
                var roleRef = Map(manifest.Root, "roleRef");
                _bindings.Add(new RbacBinding(
                    manifest.Kind,
                    manifest.Kind == "RoleBinding" ? ns : null,
                    name,
                    Text(roleRef?["kind"]) ?? "ClusterRole",
                    Text(roleRef?["name"]) ?? string.Empty,
                    [.. Items(manifest.Root["subjects"]).OfType<ManifestMapping>().Where(s => Text(s["kind"]) == "Group").Select(s => Text(s["name"])).OfType<string>()],
                    location));
                return;
            case "EC2NodeClass" when manifest.ApiVersion.StartsWith("karpenter.k8s.aws/", StringComparison.Ordinal):
                if (Text(Map(manifest.Root, "spec")?["role"]) is { Length: > 0 } role)
                {
                    _nodeClasses.Add(new NodeClassRole(name, role, location));
                }

                SearchAnnotation(manifest, manifest.Root, string.Empty, 0);
                return;
            case "Pod" when IsCore(manifest):
            case var kind when PodTemplates.TemplateKinds.Contains(kind) && IsWorkloadGroup(manifest):
                Workload(manifest, ns, name, location);
                return;
            default:
                SearchAnnotation(manifest, manifest.Root, string.Empty, 0);
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Workload(ManifestObject manifest, string ns, string name, SourceLocation location)
    {
        if (PodTemplates.Of(manifest) is not var (templateMetadata, spec))
        {
            return;
        }

        var (controllerKind, controllerName) = PodTemplates.Controller(Map(manifest.Root, "metadata"));
        if (manifest.Kind is "DaemonSet" or "Deployment" && Agent(manifest, ns, name, spec, location))
        {
            return;
        }

        _workloads.Add(new WorkloadInfo(
            manifest.Kind,
            ns,
            name,
            PodTemplates.ServiceAccountName(spec),
            _maps.Of(Map(templateMetadata, "annotations")),
            Bool(spec?["hostNetwork"]) == true,
            PodTemplates.SelectsWindows(spec),
            controllerKind,
            controllerName,
            location)
        {
            PodLabels = _maps.Of(Map(templateMetadata, "labels")),
            HostPorts = PodTemplates.HostPorts(spec, Bool(spec?["hostNetwork"]) == true),
            ContainerEnv = manifest.Kind == "Pod" ? PodTemplates.CredentialEnv(spec) : [],
            PodPhase = manifest.Kind == "Pod" ? Text(Map(manifest.Root, "status")?["phase"]) : null,
        });
    }

    /// <summary>kube2iam, kiam (server or agent) or the Pod Identity agent; true when it is one of them.</summary>
    private bool Agent(ManifestObject manifest, string ns, string name, ManifestMapping? spec, SourceLocation location)
    {
        foreach (var (image, args) in PodTemplates.Containers(spec))
        {
            var repository = (image ?? string.Empty).Split(':')[0].ToLowerInvariant();
            string? agent = null;
            if (repository.EndsWith("kube2iam", StringComparison.Ordinal))
            {
                agent = IdentityAgentKinds.Kube2iam;
            }
            else if (repository.EndsWith("/kiam", StringComparison.Ordinal) || repository == "kiam")
            {
                agent = args.Any(a => a.Trim() == "server") ? IdentityAgentKinds.KiamServer : IdentityAgentKinds.KiamAgent;
            }
            else if (repository.EndsWith(IdentityAgentKinds.PodIdentityAgent, StringComparison.Ordinal) || name == IdentityAgentKinds.PodIdentityAgent && ns == "kube-system")
            {
                _podIdentityAgent = true;
                return true;
            }

            if (agent is not null)
            {
                _agents.Add(new IdentityAgentInfo(agent, manifest.Kind, ns, name, [.. args], location));
                return true;
            }
        }

        return false;
    }

    /// <summary>Rule K2: the role annotation outside a pod template, e.g. in a custom resource's spec.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchAnnotation(ManifestObject manifest, ManifestNode node, string path, int depth)
    {
        if (depth > MaxSearchDepth)
        {
            return;
        }

        switch (node)
        {
            case ManifestMapping map:
                foreach (var (key, value) in map.Entries)
                {
                    var here = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == roleKey && value is ManifestScalar scalar)
                    {
                        _annotated.Add(new AnnotatedObject(manifest.ApiVersion, manifest.Kind, manifest.Namespace, manifest.Name ?? "(unnamed)", path, scalar.Value, manifest.Location));
                    }
                    else
                    {
                        SearchAnnotation(manifest, value, here, depth + 1);
                    }
                }

                break;
            case ManifestSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    SearchAnnotation(manifest, list.Items[i], $"{path}.{i}", depth + 1);
                }

                break;
        }
    }

    private static bool IsCore(ManifestObject manifest) => manifest.ApiVersion == "v1";

    private static bool IsWorkloadGroup(ManifestObject manifest) =>
        manifest.ApiVersion.Split('/')[0] is "apps" or "extensions" or "batch";
}
