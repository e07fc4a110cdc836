using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// `plan` and `scan` against a live cluster: the real CLI, over real HTTP, against moto (IAM, STS), the fake EKS and
/// the fake Kubernetes API server, reached through the AWS SDKs' own endpoint variables.
/// </summary>
public sealed class LiveCliTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private const string SecretKey = LiveCliWorld.SecretKey;
    private const string SessionToken = LiveCliWorld.SessionToken;

    private readonly MotoServer _moto;
    private LiveCliWorld? _world;

    public LiveCliTests(LiveCliMoto moto) => _moto = moto.Server;

    private FakeKubernetesServer Kubernetes => _world!.Kubernetes;

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync() => await _world!.DisposeAsync();

    private static void Set(string name, string? value) => LiveCliWorld.Set(name, value);

    private string[] Live(params string[] more) => _world!.Live(more);

    [Fact]
    public async Task LivePlanReadsTheClusterResolvesPathsAndStartsWithTheModeChange()
    {
        var result = await CliRun.RunAsync(["plan", .. Live("--format", "json")]);

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = PlanJson.Deserialize(result.Out, "live");
        Assert.Equal(("shop", MotoServer.Account, "CONFIG_MAP"), (plan.Cluster.Name, plan.Cluster.AccountId, plan.Cluster.AuthenticationMode.Wire()));
        Assert.IsType<UpdateClusterConfigChange>(plan.Changes[0]);
        var admin = Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Username == "admin");
        Assert.Equal("arn:aws:iam::123456789012:role/teams/admin", admin.PrincipalArn);
        Assert.Equal(["ops"], admin.KubernetesGroups.AsEnumerable());
        Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Type.Wire() == "EC2_LINUX");
        Assert.Single(plan.Changes.OfType<AssociateAccessPolicyChange>());
        Assert.DoesNotContain(plan.Findings, f => f.Code == "principal-path-unverified");
    }

    [Fact]
    public async Task R2_LivePlanRecordsTheClustersOidcIssuer_UnlessTheCommandLineGivesOne_AndTheGivenRoleKey()
    {
        const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/GIVEN";

        var scanned = await CliRun.RunAsync(["plan", .. Live("--format", "json")]);
        var given = await CliRun.RunAsync(["plan", .. Live("--format", "json", "--oidc-issuer", Issuer, "--iam-role-key", "example.com/role")]);

        Assert.True(scanned.ExitCode == 0, scanned.Error);
        Assert.True(given.ExitCode == 0, given.Error);
        var fromCluster = PlanJson.Deserialize(scanned.Out, "scanned").Options.Workloads;
        var fromFlags = PlanJson.Deserialize(given.Out, "given").Options.Workloads;
        Assert.StartsWith("https://oidc.eks.eu-west-1.amazonaws.com/id/", fromCluster.OidcIssuer, StringComparison.Ordinal);
        Assert.NotEqual(Issuer, fromCluster.OidcIssuer);
        Assert.Null(fromCluster.IamRoleKey);
        Assert.Equal((Issuer, "example.com/role"), (fromFlags.OidcIssuer, fromFlags.IamRoleKey));
    }

    [Fact]
    public async Task DebugLogsEveryAwsCallWithoutAnySecret()
    {
        var result = await CliRun.RunAsync(["plan", .. Live("--debug")]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("debug: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("DescribeCluster", result.Error, StringComparison.Ordinal);
        foreach (var secret in new[] { SecretKey, SessionToken })
        {
            Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("k8s-aws-v1.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("Signature=[0-9a-f]{16}", result.Error);
    }

    [Fact]
    public async Task LiveScanShowsTheClusterItRead()
    {
        var result = await CliRun.RunAsync(["scan", .. Live()]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Read the live cluster shop (eu-west-1, account 123456789012, mode CONFIG_MAP).", result.Out, StringComparison.Ordinal);
        Assert.Contains("aws-auth/mapUsers[0]", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--iam-snapshot", "x.json", "--iam-snapshot describe an offline export")]
    [InlineData("--authentication-mode", "API", "--authentication-mode describe an offline export")]
    [InlineData("--caller-arn", "arn:aws:iam::123456789012:user/alice", "--caller-arn is for offline plans")]
    public async Task OfflineOptionsAreRefusedInLiveMode(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync(["plan", .. Live(option, value)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterThatDoesNotExistIsAClearError()
    {
        var result = await CliRun.RunAsync("plan", "--cluster", "nope", "--region", "eu-west-1", "--api-server", Kubernetes.Endpoint.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("nope", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReportsMissingBeforeApplyAndOkAfter()
    {
        var planFile = Path.Combine(Path.GetTempPath(), $"eam-verify-{Guid.NewGuid():N}.json");
        try
        {
            var planned = await CliRun.RunAsync(["plan", .. Live("--out", planFile)]);
            Assert.True(planned.ExitCode == 0, planned.Error);

            var before = await CliRun.RunAsync("verify", planFile, "--api-server", Kubernetes.Endpoint.ToString());
            Assert.Equal(2, before.ExitCode);
            Assert.Contains("MISSING", before.Out, StringComparison.Ordinal);

            // The cluster as an apply of that plan leaves it.
            await using var applied = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0 });
            applied.State.AddCluster("shop", MotoServer.Account, "eu-west-1", "API_AND_CONFIG_MAP")
                .AddAccessEntry("shop", "arn:aws:iam::123456789012:role/teams/admin", "STANDARD", "admin", ["ops"])
                .AssociateAccessPolicy("shop", "arn:aws:iam::123456789012:role/teams/admin", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy")
                .AddAccessEntry("shop", "arn:aws:iam::123456789012:role/nodes", "EC2_LINUX")
                .AddAccessEntry("shop", "arn:aws:iam::123456789012:user/alice", "STANDARD", "alice", ["dev"]);
            Set("AWS_ENDPOINT_URL_EKS", applied.Endpoint.ToString());

            var after = await CliRun.RunAsync("verify", planFile, "--api-server", Kubernetes.Endpoint.ToString(), "--format", "json");

            Assert.True(after.ExitCode == 0, after.Out + after.Error);
            Assert.Contains("\"ok\": true", after.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\"missing\"", after.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(planFile);
        }
    }
}
