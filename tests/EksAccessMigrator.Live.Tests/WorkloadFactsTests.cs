using System.Collections.Immutable;
using EksAccessMigrator.Aws.Ports;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.Live.Errors;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Facts the workload scan derives: EKS Auto Mode, the OIDC issuer, trust policies, and its errors.</summary>
[Collection(WorkloadGroup.Name)]
public sealed class WorkloadFactsTests(WorkloadMoto moto)
{
    private const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE";

    [Fact]
    public void K12_AutoMode_IsReadFromDescribeCluster_AndCountsAsARunningAgent()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"cluster":{"name":"auto","arn":"arn:aws:eks:eu-west-1:111122223333:cluster/auto","computeConfig":{"enabled":true,"nodePools":["general-purpose"]},"identity":{"oidc":{"issuer":"ISSUER"}}}}""".Replace("ISSUER", Issuer, StringComparison.Ordinal));

        var facts = EksClusterFactsParser.Parse(body);
        var scanned = new WorkloadScanResult(new WorkloadInventory(), facts.AutoModeEnabled == true, [], [], [], []);

        Assert.True(facts.AutoModeEnabled);
        Assert.True(scanned.Inventory([]).PodIdentityAgentInstalled);
        Assert.Null(EksClusterFactsParser.Parse(System.Text.Encoding.UTF8.GetBytes("""{"cluster":{"arn":"arn:aws:eks:eu-west-1:111122223333:cluster/x"}}""")).AutoModeEnabled);
        Assert.False(new WorkloadScanResult(new WorkloadInventory(), false, ["vpc-cni"], [], [], []).Inventory([]).PodIdentityAgentInstalled);
    }

    [Theory]
    [InlineData("prod", "prod", true)]
    [InlineData("prod-*", "prod-eu", true)]
    [InlineData("prod-*", "prod-", true)]
    [InlineData("prod-?", "prod-ab", false)]
    [InlineData("*-jobs", "nightly-jobs", true)]
    [InlineData("prod", "production", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void K9_FargateSelectorWildcards_MatchAsEksDoes(string pattern, string text, bool matches) =>
        Assert.Equal(matches, Core.Inventory.FargateSelectorInfo.Glob(pattern, text));

    [Fact]
    public void TrustPolicies_AreTheListedRolesDocuments_InTrustPolicyReadersForm()
    {
        ListedRole Role(string name, string? document) => new("/", name, "AROA" + name, $"arn:aws:iam::111122223333:role/{name}", null, document, null, null, ImmutableDictionary<string, string>.Empty);

        var inventory = new WorkloadScanResult(new WorkloadInventory(), false, [], [], [], []).Inventory([Role("b", SeedRole.NodeTrust), Role("a", SeedRole.NodeTrust), Role("none", null)]);

        Assert.Equal(["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/b"], inventory.TrustPolicies.Select(p => p.RoleArn));
        Assert.All(inventory.TrustPolicies, p => Assert.Equal(SeedRole.NodeTrust, p.Document));
        Assert.Same(WorkloadInventory.Empty, WorkloadScanResult.None.Inventory([Role("a", SeedRole.NodeTrust)]));
    }

    [Fact]
    public async Task R2_OidcIssuer_IsRecordedInTheInventory_UnlessTheCommandLineGaveOne()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "oidc", []);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);
        var given = await world.Scanner(world.Settings() with { OidcIssuer = Issuer }).ScanAsync(CancellationToken.None);

        Assert.StartsWith("https://oidc.eks.eu-west-1.amazonaws.com/id/", result.Inventory.Cluster.OidcIssuer, StringComparison.Ordinal);
        Assert.Equal(Issuer, given.Inventory.Cluster.OidcIssuer);
        Assert.Equal(result.Cluster.OidcIssuer, given.Cluster.OidcIssuer);
        Assert.Empty(result.Inventory.Workloads.Workloads);
        Assert.Empty(result.Inventory.Workloads.ExistingAssociations!.Value);
    }

    [Fact]
    public async Task ReadWorkloadsOff_LeavesEveryWorkloadFactUnknown_AndListsNothing()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "off", []);
        SmallCluster.AddAgent(world.Kubernetes.State);
        var progress = new RecordingProgress();

        var result = await world.Scanner(world.Settings() with { ReadWorkloads = false }, progress).ScanAsync(CancellationToken.None);

        Assert.Same(WorkloadInventory.Empty, result.Inventory.Workloads);
        Assert.DoesNotContain(world.Kubernetes.Requests.Entries, r => r.IsList);
        Assert.Equal(0, world.Eks.Requests.Count("ListPodIdentityAssociations"));
        Assert.Contains("skipped Pods: workload identity was not asked for", progress.Events);
    }

    [Fact]
    public async Task ListForbidden_IsAccessDenied_NamingTheStepAndTheRbacToGrant()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "rbac", []);
        world.Kubernetes.Faults.FailNext(403, times: 5, when: r => r.Path.EndsWith("/pods", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal(ScanStep.Pods, error.Step);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("'list' on", error.Message, StringComparison.Ordinal);
    }
}
