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
    private const string SecretKey = "cliLiveSecretKeyThatMustNeverBePrinted00";
    private const string SessionToken = "cliLiveSessionTokenThatMustNeverBePrinted00";

    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_IAM",
        "AWS_ENDPOINT_URL_STS", "AWS_EC2_METADATA_DISABLED", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE",
    ];

    private readonly MotoServer _moto;
    private readonly Dictionary<string, string?> _saved = [];
    private FakeEksServer? _eks;
    private FakeKubernetesServer? _kubernetes;

    public LiveCliTests(LiveCliMoto moto) => _moto = moto.Server;

    public async Task InitializeAsync()
    {
        _eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        _eks.State.AddCluster("shop", MotoServer.Account, "eu-west-1");
        _kubernetes = await FakeKubernetesServer.StartAsync();
        _kubernetes.State.Add("""
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
             "data": {
               "mapRoles": "- rolearn: arn:aws:iam::123456789012:role/admin\n  username: admin\n  groups: [system:masters, ops]\n- rolearn: arn:aws:iam::123456789012:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n",
               "mapUsers": "- userarn: arn:aws:iam::123456789012:user/alice\n  username: alice\n  groups: [dev]\n"}}
            """);

        var empty = Path.Combine(Path.GetTempPath(), $"eam-empty-{Guid.NewGuid():N}");
        File.WriteAllText(empty, string.Empty);
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Set("AWS_ACCESS_KEY_ID", "AKIACLILIVETEST00001");
        Set("AWS_SECRET_ACCESS_KEY", SecretKey);
        Set("AWS_SESSION_TOKEN", SessionToken);
        Set("AWS_REGION", null);
        Set("AWS_PROFILE", null);
        Set("AWS_ENDPOINT_URL_EKS", _eks.Endpoint.ToString());
        Set("AWS_ENDPOINT_URL_IAM", _moto.Endpoint.ToString());
        Set("AWS_ENDPOINT_URL_STS", _moto.Endpoint.ToString());
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_CONFIG_FILE", empty);
        Set("AWS_SHARED_CREDENTIALS_FILE", empty);
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _kubernetes!.DisposeAsync();
        await _eks!.DisposeAsync();
    }

    private static void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);

    private string[] Live(params string[] more) =>
        ["--cluster", "shop", "--region", "eu-west-1", "--api-server", _kubernetes!.Endpoint.ToString(), .. more];

    [Fact]
    public async Task LivePlanReadsTheClusterResolvesPathsAndStartsWithTheModeChange()
    {
        var result = await CliRun.RunAsync(["plan", .. Live("--format", "json")]);

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = PlanJson.Deserialize(result.Out, "live");
        Assert.Equal(("shop", MotoServer.Account, "CONFIG_MAP"), (plan.Cluster.Name, plan.Cluster.AccountId, plan.Cluster.AuthenticationMode));
        Assert.IsType<UpdateClusterConfigChange>(plan.Changes[0]);
        var admin = Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Username == "admin");
        Assert.Equal("arn:aws:iam::123456789012:role/teams/admin", admin.PrincipalArn);
        Assert.Equal(["ops"], admin.KubernetesGroups.AsEnumerable());
        Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Type == "EC2_LINUX");
        Assert.Single(plan.Changes.OfType<AssociateAccessPolicyChange>());
        Assert.DoesNotContain(plan.Findings, f => f.Code == "principal-path-unverified");
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
        var result = await CliRun.RunAsync("plan", "--cluster", "nope", "--region", "eu-west-1", "--api-server", _kubernetes!.Endpoint.ToString());

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

            var before = await CliRun.RunAsync("verify", planFile, "--api-server", _kubernetes!.Endpoint.ToString());
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

            var after = await CliRun.RunAsync("verify", planFile, "--api-server", _kubernetes.Endpoint.ToString(), "--format", "json");

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
