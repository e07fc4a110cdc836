using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Tests.Support;
using NJsonSchema;
using static EksAccessMigrator.Core.Tests.Given;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// One small hand-built cluster planned in each phase: before the migration (CONFIG_MAP, kube2iam, IRSA, no Pod
/// Identity agent) for migrate, and after it (API_AND_CONFIG_MAP with the entries migrate made) for cutover and
/// finalize. Together the three plans hold every change kind. Each is compared with its checked-in golden file
/// (EAM_UPDATE_GOLDEN=1 rewrites them), validated against docs/plan.schema.json, and read back to the same bytes.
/// </summary>
public sealed class GoldenPlanTests
{
    private const string AdminRole = "arn:aws:iam::111122223333:role/admin";
    private const string NodeRole = "arn:aws:iam::111122223333:role/nodes";
    private const string WebRole = Base + "web";
    private const string ViewerRole = "arn:aws:iam::111122223333:role/viewers";
    private const string ExporterRole = "arn:aws:iam::111122223333:role/exporter";
    private const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";

    private const string MapRoles =
        "- rolearn: " + AdminRole + "\n  username: admin\n  groups: [system:masters]\n" +
        "- rolearn: " + NodeRole + "\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n" +
        "- rolearn: " + ViewerRole + "\n  username: viewer\n  groups: [viewers]\n";

    private const string WebTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/nodes\"},\"Action\":\"sts:AssumeRole\"}]}";

    private const string ExporterTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Irsa\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub\":\"system:serviceaccount:obs:exporter\"}}}]}";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(Repo.Schema)).GetAwaiter().GetResult());

    private static WorkloadInventory Workloads() => new()
    {
        Agents = [Kube2iam("--base-role-arn=" + Base)],
        Workloads = [W("shop", "web", "web", "default"), W("obs", "exporter", null, "exporter")],
        Namespaces = [Ns("shop"), Ns("obs")],
        ServiceAccounts = [Sa("shop", "default", pullSecrets: ["registry"]), Sa("obs", "exporter", ExporterRole)],
        TrustPolicies = [Trust(WebRole, WebTrust), Trust(ExporterRole, ExporterTrust)],
        PodIdentityAgentInstalled = false,
    };

    private static ClusterInventory Before() =>
        ClusterOf(AwsAuthOf(mapRoles: MapRoles), Iam(AdminRole, NodeRole, WebRole, ExporterRole, ViewerRole)) with { Workloads = Workloads() };

    private static ClusterInventory After() =>
        ClusterOf(
            AwsAuthOf(mapRoles: MapRoles),
            Iam(AdminRole, NodeRole, WebRole, ExporterRole, ViewerRole),
            AuthenticationMode.ApiAndConfigMap,
            [Entry(AdminRole, "STANDARD", "admin", [], (Admin, AccessScope.Cluster)), Entry(NodeRole, "EC2_LINUX", null, []), Entry(ViewerRole, "STANDARD", "viewer", ["viewers"])],
            caller: AdminRole)
        with
        {
            Workloads = Workloads() with { PodIdentityAgentInstalled = true },

            // Rule N2: the node role's kube2iam permission, alone in one inline policy and beside another statement in a second.
            NodeRoles = new NodeRolePolicies(
                [new NodeRolePermissions(NodeRole, [], [
                    new RolePolicyDocument("kube2iam", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""),
                    new RolePolicyDocument("node-extras", """{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"},{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""")],
                    "iam.json:RoleDetailList[0]")],
                []),
        };

    private static PlannerOptions Options(PlanPhase phase) => new()
    {
        Phase = phase,
        TargetAuthenticationMode = phase == PlanPhase.Finalize ? AuthenticationMode.Api : null,
        BreakGlassArns = [AdminRole],
        Workloads = new WorkloadIdentityOptions { IncludeIrsa = true },
        ToolVersion = "0.0.0-golden",
        CreatedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static MigrationPlan PlanOf(PlanPhase phase)
    {
        // The OIDC issuer is a fact of the scanned cluster (rule R2), recorded in the inventory.
        var inventory = phase == PlanPhase.Migrate ? Before() : After();
        return MigrationPlanner.Plan(inventory with { Cluster = inventory.Cluster with { OidcIssuer = Issuer } }, Options(phase));
    }

    private static readonly PlanPhase[] AllPhases = [PlanPhase.Migrate, PlanPhase.Cutover, PlanPhase.Finalize];

    public static TheoryData<PlanPhase> Phases() => [.. AllPhases];

    private static string FileOf(PlanPhase phase) => $"every-change-kind.{phase.Wire()}.plan.json";

    [Theory]
    [MemberData(nameof(Phases))]
    public void PlanMatchesItsGoldenFile(PlanPhase phase)
    {
        var json = PlanJson.Serialize(PlanOf(phase));
        var path = Path.Combine(Repo.Golden, FileOf(phase));
        if (Environment.GetEnvironmentVariable("EAM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, json);
        }

        Assert.True(File.Exists(path), $"{FileOf(phase)} is missing; run the tests with EAM_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), json);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void GoldenFileValidatesAgainstTheSchema_AndReadsBackUnchanged(PlanPhase phase)
    {
        var json = File.ReadAllText(Path.Combine(Repo.Golden, FileOf(phase)));

        var errors = Schema.Value.Validate(json);
        var again = PlanJson.Serialize(PlanJson.Deserialize(json, FileOf(phase)));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal(json, again);
        Assert.Equal(phase, PlanJson.Deserialize(json, FileOf(phase)).Phase);
    }

    [Fact]
    public void TheGoldenPlansTogetherHoldEveryChangeKind()
    {
        var kinds = typeof(PlanChange).Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(typeof(PlanChange))).Select(t => t.Name).ToImmutableSortedSet(StringComparer.Ordinal);
        var held = AllPhases.SelectMany(p => PlanJson.Deserialize(File.ReadAllText(Path.Combine(Repo.Golden, FileOf(p))), "golden").Changes)
            .Select(c => c.GetType().Name).ToImmutableSortedSet(StringComparer.Ordinal);

        Assert.Equal(13, kinds.Count);
        Assert.Equal(kinds, held);
    }

    [Fact]
    public void TheGoldenPlansHaveNoBlockers() =>
        Assert.All(AllPhases, p => Assert.False(PlanOf(p).HasBlockers, string.Join("\n", PlanOf(p).Findings.Where(f => f.Severity == Severity.Blocker).Select(f => $"{f.Code}: {f.Message}"))));
}
