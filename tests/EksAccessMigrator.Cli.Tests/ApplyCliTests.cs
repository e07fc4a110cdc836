using System.Xml.Linq;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// plan -> apply -> verify -> rollback through the real CLI, over real HTTP, against moto, the fake EKS and the fake
/// Kubernetes API server.
/// </summary>
public sealed class ApplyCliTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private readonly MotoServer _moto;
    private LiveCliWorld? _world;

    public ApplyCliTests(LiveCliMoto moto) => _moto = moto.Server;

    private LiveCliWorld World => _world!;

    private string PlanFile => World.PlanFile;

    private string Journal => World.Journal;

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync() => await _world!.DisposeAsync();

    private Task PlanAsync() => World.PlanAsync();

    [Fact]
    public async Task WithoutATerminalAndWithoutYes_NothingIsWritten()
    {
        await PlanAsync();
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--journal", Journal);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --yes", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task DryRunListsTheCallsAndWritesNothing()
    {
        await PlanAsync();
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--dry-run", "--journal", Journal);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("Dry run", result.Out, StringComparison.Ordinal);
        Assert.Contains("CreateAccessEntry", result.Out, StringComparison.Ordinal);
        Assert.Contains("UpdateClusterConfig", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task ApplyThenVerifyThenApplyAgainThenRollback()
    {
        await PlanAsync();

        var applied = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("0 failed", applied.Out, StringComparison.Ordinal);
        Assert.Equal("API_AND_CONFIG_MAP", World.Eks.State.AuthenticationModeOf("shop"));
        Assert.Contains("arn:aws:iam::123456789012:role/teams/admin", World.Eks.State.AccessEntryPrincipals("shop"));
        Assert.True(File.Exists(Journal));
        Assert.DoesNotContain(LiveCliWorld.SecretKey, await File.ReadAllTextAsync(Journal), StringComparison.Ordinal);

        var verified = await CliRun.RunAsync("verify", PlanFile, "--api-server", World.ApiServer);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);

        var eksAfter = World.Eks.State.SnapshotJson();
        var kubernetesAfter = World.Kubernetes.State.SnapshotJson();
        var journalAfter = await File.ReadAllTextAsync(Journal);
        var again = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal, "--format", "json");
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.Contains("\"event\":\"step\"", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":\"failed\"", again.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing left to do", again.Error, StringComparison.Ordinal);

        // A new journal: every change is found in effect; still no write, exit 0.
        var fresh = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Path.Combine(World.Directory, "fresh.jsonl"));
        Assert.True(fresh.ExitCode == 0, fresh.Out + fresh.Error);
        Assert.Contains("Nothing left to do", fresh.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(World.Directory, "fresh.jsonl")));
        Assert.Equal(eksAfter, World.Eks.State.SnapshotJson());
        Assert.Equal(kubernetesAfter, World.Kubernetes.State.SnapshotJson());
        Assert.Equal(journalAfter, await File.ReadAllTextAsync(Journal));

        var rolledBack = await CliRun.RunAsync("rollback", Journal, "--api-server", World.ApiServer, "--yes");
        Assert.True(rolledBack.ExitCode == 0, rolledBack.Out + rolledBack.Error);
        Assert.Contains("cannot be undone", rolledBack.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:iam::123456789012:role/teams/admin", World.Eks.State.AccessEntryPrincipals("shop"));
    }

    [Fact]
    public async Task AStalePlanIsRefusedNamingEachChangedObject_ExitThree()
    {
        await PlanAsync();
        await SomeoneElseMigratesAliceAsync();
        var eksBefore = World.Eks.State.SnapshotJson();
        var kubernetesBefore = World.Kubernetes.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Refused, nothing was written", result.Out, StringComparison.Ordinal);
        Assert.Contains("stale: access-entry/arn:aws:iam::123456789012:user/alice (CreateAccessEntry): an access entry for arn:aws:iam::123456789012:user/alice exists and differs (type STANDARD, username alice-renamed", result.Out, StringComparison.Ordinal);
        Assert.Contains("Refused, nothing was written: 1 change(s) of the plan are stale", result.Out, StringComparison.Ordinal);
        Assert.Equal(eksBefore, World.Eks.State.SnapshotJson());
        Assert.Equal(kubernetesBefore, World.Kubernetes.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task AnAwsAuthRowEditedAfterReview_MakesTheChangesMadeFromItsSectionStale_ExitThree()
    {
        await PlanAsync();
        World.Kubernetes.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", map =>
            map["data"]!["mapUsers"] = "- userarn: arn:aws:iam::123456789012:user/alice\n  username: alice-renamed\n  groups: [dev]\n");
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("stale: access-entry/arn:aws:iam::123456789012:user/alice (CreateAccessEntry): aws-auth mapUsers changed since the plan was made", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("stale: access-entry/arn:aws:iam::123456789012:role/admin", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    /// <summary>
    /// Another operator, between review and apply: API_AND_CONFIG_MAP (the mode change's postcondition, so done), and
    /// an access entry for alice with another username (neither condition of alice's CreateAccessEntry: stale).
    /// </summary>
    private async Task SomeoneElseMigratesAliceAsync()
    {
        using var eks = EksClient.Create(new AwsClientSettings { Region = "eu-west-1", EksEndpointUrl = World.Eks.Endpoint }, new StaticCredentialSource(new AwsCredentialsSnapshot("AKIATESTOTHEROPER001", "other-operator-secret")));
        await eks.UpdateClusterAuthenticationModeAsync("shop", "API_AND_CONFIG_MAP", null, CancellationToken.None);
        await eks.CreateAccessEntryAsync(new CreateAccessEntryRequest("shop", "arn:aws:iam::123456789012:user/alice") { Username = "alice-renamed", KubernetesGroups = ["dev"] }, CancellationToken.None);
    }

    [Fact]
    public async Task APlanOfAnotherFormatVersionIsRefused_ExitThree()
    {
        await File.WriteAllTextAsync(PlanFile, "{\"formatVersion\": 2}");

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("format version 2 is not supported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_AFinalizePlanWhoseBreakGlassPrincipalLostAdminIsRefusedBeforeAnyWrite()
    {
        const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
        const string Alice = "arn:aws:iam::123456789012:user/alice";
        World.Eks.State.AddCluster("vault", MotoServer.Account, "eu-west-1", "API_AND_CONFIG_MAP")
            .AddAccessEntry("vault", "arn:aws:iam::123456789012:role/teams/admin", "STANDARD", "admin", ["ops"])
            .AssociateAccessPolicy("vault", "arn:aws:iam::123456789012:role/teams/admin", AdminPolicy)
            .AddAccessEntry("vault", "arn:aws:iam::123456789012:role/nodes", "EC2_LINUX")
            .AddAccessEntry("vault", Alice, "STANDARD", "alice", ["dev"])
            .AssociateAccessPolicy("vault", Alice, AdminPolicy);
        await RunAsAssumedRoleAsync("arn:aws:iam::123456789012:role/teams/admin");
        string[] vault = ["--cluster", "vault", "--region", "eu-west-1", "--api-server", World.ApiServer];

        var planned = await CliRun.RunAsync(["plan", .. vault, "--phase", "finalize", "--target-mode", "API", "--break-glass-arn", Alice, "--out", PlanFile, "--format", "json"]);

        Assert.True(planned.ExitCode == 0, planned.Error);
        Assert.Contains("\"authenticationMode\": \"API\"", planned.Out, StringComparison.Ordinal);

        // Between review and apply, the break-glass user loses cluster admin.
        using (var eks = EksClient.Create(new AwsClientSettings { Region = "eu-west-1", EksEndpointUrl = World.Eks.Endpoint }, new StaticCredentialSource(new AwsCredentialsSnapshot("AKIATESTLOCKOUT00001", "lockout-test-secret"))))
        {
            await eks.DisassociateAccessPolicyAsync("vault", Alice, AdminPolicy, CancellationToken.None);
        }

        var eksBefore = World.Eks.State.SnapshotJson();
        var kubernetesBefore = World.Kubernetes.State.SnapshotJson();

        var applied = await CliRun.RunAsync(["apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal]);

        Assert.Equal(3, applied.ExitCode);
        Assert.Contains("Refused, nothing was written", applied.Out, StringComparison.Ordinal);
        Assert.Contains("cluster/authentication-mode", applied.Out, StringComparison.Ordinal);
        Assert.Equal("API_AND_CONFIG_MAP", World.Eks.State.AuthenticationModeOf("vault"));
        Assert.Equal(eksBefore, World.Eks.State.SnapshotJson());
        Assert.Equal(kubernetesBefore, World.Kubernetes.State.SnapshotJson());
    }

    /// <summary>Makes the CLI's credentials (through the environment) those of an assumed role, as an operator's would be.</summary>
    private async Task RunAsAssumedRoleAsync(string roleArn)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _moto.Endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = "AssumeRole",
                ["Version"] = "2011-06-15",
                ["RoleArn"] = roleArn,
                ["RoleSessionName"] = "operator",
            }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTESTSUPPORT/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        string Value(string name) => xml.Descendants().First(e => e.Name.LocalName == name).Value;
        LiveCliWorld.Set("AWS_ACCESS_KEY_ID", Value("AccessKeyId"));
        LiveCliWorld.Set("AWS_SECRET_ACCESS_KEY", Value("SecretAccessKey"));
        LiveCliWorld.Set("AWS_SESSION_TOKEN", Value("SessionToken"));
    }

    [Fact]
    public async Task AChangeMadeWhileTheOperatorConfirmsIsStillCaught()
    {
        await PlanAsync();
        var answer = new AnswerAfter(() => SomeoneElseMigratesAliceAsync().GetAwaiter().GetResult());

        var result = await CliRun.RunAsync(answer, "apply", PlanFile, "--api-server", World.ApiServer, "--journal", Journal);

        Assert.True(answer.Asked);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("access-entry/arn:aws:iam::123456789012:user/alice", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, World.Eks.Requests.Count("CreateAccessEntry"));
        Assert.Equal(["arn:aws:iam::123456789012:user/alice"], World.Eks.State.AccessEntryPrincipals("shop"));
    }

    /// <summary>A person who, while the prompt waits, lets someone else edit the cluster, then answers yes.</summary>
    private sealed class AnswerAfter(Action meanwhile) : TextReader
    {
        public bool Asked { get; private set; }

        public override string ReadLine()
        {
            Asked = true;
            meanwhile();
            return "yes";
        }
    }
}
