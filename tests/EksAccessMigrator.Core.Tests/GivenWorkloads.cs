using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Builds workload-identity inputs (rules K1-K14, R1-R4) in a line each.</summary>
internal static class GivenWorkloads
{
    public const string RoleKey = "iam.amazonaws.com/role";
    public const string Base = "arn:aws:iam::111122223333:role/";

    public static WorkloadInfo W(string ns, string name, string? role, string? sa = null, string kind = "Deployment", bool hostNetwork = false, bool windows = false, string? owner = null, params (string Key, string Value)[] annotations)
    {
        var map = annotations.ToImmutableSortedDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (role is not null)
        {
            map = map.SetItem(RoleKey, role);
        }

        var (ownerKind, ownerName) = owner?.Split('/') is [var k, var n] ? (k, n) : ((string?)null, (string?)null);
        return new WorkloadInfo(kind, ns, name, sa, map, hostNetwork, windows, ownerKind, ownerName, new SourceLocation("export.yaml", 1));
    }

    public static NamespaceInfo Ns(string name, string? annotation = null, string key = "iam.amazonaws.com/allowed-roles") =>
        new(name, annotation is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add(key, annotation), new SourceLocation("export.yaml", 1));

    public static ServiceAccountInfo Sa(string ns, string name, string? irsaRole = null, string[]? pullSecrets = null, bool? automount = null, string? managedBy = null) =>
        new(
            ns,
            name,
            irsaRole is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("eks.amazonaws.com/role-arn", irsaRole),
            managedBy is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("app.kubernetes.io/managed-by", managedBy),
            [.. pullSecrets ?? []],
            automount,
            new SourceLocation("export.yaml", 1));

    public static IdentityAgentInfo Kube2iam(params string[] args) =>
        new(IdentityAgentKinds.Kube2iam, "DaemonSet", "kube-system", "kube2iam", [.. args], new SourceLocation("export.yaml", 1));

    public static IdentityAgentInfo KiamServer(params string[] args) =>
        new(IdentityAgentKinds.KiamServer, "Deployment", "kube-system", "kiam-server", ["/kiam", "server", .. args], new SourceLocation("export.yaml", 1));

    public static RoleTrustPolicy Trust(string roleArn, string document) => new(roleArn, document, "iam.json:Roles[0]");

    public static ClusterInventory Inventory(WorkloadInventory workloads, IamSnapshot? iam = null, AwsAuthConfigMap? awsAuth = null) =>
        Given.ClusterOf(awsAuth, iam) with { Workloads = workloads };

    /// <param name="oidcIssuer">The cluster's OIDC issuer, as a scan records it in the inventory (rule R2).</param>
    public static MigrationPlan Plan(WorkloadInventory workloads, WorkloadIdentityOptions? options = null, PlanPhase phase = PlanPhase.Migrate, IamSnapshot? iam = null, AwsAuthConfigMap? awsAuth = null, string? oidcIssuer = null)
    {
        var inventory = Inventory(workloads, iam, awsAuth);
        return MigrationPlanner.Plan(inventory with { Cluster = inventory.Cluster with { OidcIssuer = oidcIssuer } }, new PlannerOptions { Phase = phase, Workloads = options ?? new WorkloadIdentityOptions() });
    }

    /// <summary>kube2iam with a base ARN and the given workloads, namespaces and ServiceAccounts.</summary>
    public static WorkloadInventory Kube2iamCluster(IEnumerable<WorkloadInfo> workloads, IEnumerable<NamespaceInfo>? namespaces = null, IEnumerable<ServiceAccountInfo>? serviceAccounts = null, params string[] extraArgs) => new()
    {
        Agents = [Kube2iam(["--base-role-arn=" + Base, .. extraArgs])],
        Workloads = [.. workloads],
        Namespaces = [.. namespaces ?? []],
        ServiceAccounts = [.. serviceAccounts ?? []],
    };

    public static IReadOnlyList<CreatePodIdentityAssociationChange> Associations(this MigrationPlan plan) => plan.Changes<CreatePodIdentityAssociationChange>();

    public static CreatePodIdentityAssociationChange Association(this MigrationPlan plan, string ns, string sa) =>
        Assert.Single(plan.Associations(), a => a.Namespace == ns && a.ServiceAccount == sa);

    public static Finding FindingFor(this MigrationPlan plan, string code, string subject) =>
        Assert.Single(plan.Findings, f => f.Code == code && f.Subject == subject);

    /// <summary>
    /// The statements of a finalize plan's document other than the Pod Identity ones: offline snapshots predate
    /// migrate, so the planner puts back the statements migrate adds (issue 12) before it removes anything.
    /// </summary>
    public static List<System.Text.Json.JsonElement> WithoutPodIdentity(System.Text.Json.JsonElement document) =>
        [.. document.GetProperty("Statement").EnumerateArray().Where(s => !(s.GetProperty("Principal").TryGetProperty("Service", out var service) && service.GetString() == "pods.eks.amazonaws.com"))];
}
