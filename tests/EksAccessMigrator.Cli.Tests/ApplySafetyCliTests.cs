using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// apply and rollback through the real CLI against the fakes: the wrong cluster, an edited journal, files the tool
/// writes, cluster names, the debug log, and signals.
/// </summary>
public sealed class ApplySafetyCliTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private readonly MotoServer _moto;
    private LiveCliWorld? _world;

    public ApplySafetyCliTests(LiveCliMoto moto) => _moto = moto.Server;

    private LiveCliWorld World => _world!;

    private string PlanFile => World.PlanFile;

    private string Journal => World.Journal;

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync() => await _world!.DisposeAsync();

    [Fact]
    public async Task APlanRecordsWhoTheClusterIs()
    {
        await PlanAsync();

        var cluster = JsonNode.Parse(await File.ReadAllTextAsync(PlanFile))!["cluster"]!;

        Assert.Equal($"arn:aws:eks:eu-west-1:{MotoServer.Account}:cluster/shop", cluster["arn"]!.GetValue<string>());
        Assert.Equal(KubeSystemUid(World.Kubernetes), cluster["kubeSystemUid"]!.GetValue<string>());
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Repo.Path_("docs", "plan.schema.json")));
        var errors = schema.Validate(await File.ReadAllTextAsync(PlanFile));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        var edited = (await File.ReadAllTextAsync(PlanFile)).Replace("\"name\": \"shop\"", "\"name\": \"../shop\"", StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(edited));
        Assert.Throws<Core.Plans.PlanFormatException>(() => Core.Plans.PlanJson.Deserialize(edited, "edited.json"));
    }

    [Theory]
    [InlineData("--api-server")]
    [InlineData("--kubeconfig")]
    public async Task AnApiServerOfAnotherCluster_IsRefusedWithExitThree_BeforeAnyWrite(string how)
    {
        await PlanAsync();
        await using var clusterB = await FakeKubernetesServer.StartAsync();
        clusterB.State.Add("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}}""");
        clusterB.State.Add(LiveCliWorld.AwsAuthJson);
        string[] reach = how == "--api-server" ? ["--api-server", clusterB.Endpoint.ToString()] : ["--kubeconfig", await KubeconfigAsync(clusterB.Endpoint)];
        var eks = World.Eks.State.SnapshotJson();
        var a = World.Kubernetes.State.SnapshotJson(includeServerFields: true);
        var b = clusterB.State.SnapshotJson(includeServerFields: true);

        var result = await CliRun.RunAsync(["apply", PlanFile, .. reach, "--yes", "--journal", Journal]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("kube-system namespace has uid", result.Out, StringComparison.Ordinal);
        Assert.Contains(KubeSystemUid(World.Kubernetes), result.Out, StringComparison.Ordinal);
        Assert.Equal(eks, World.Eks.State.SnapshotJson());
        Assert.Equal(a, World.Kubernetes.State.SnapshotJson(includeServerFields: true));
        Assert.Equal(b, clusterB.State.SnapshotJson(includeServerFields: true));
        Assert.DoesNotContain(clusterB.Requests.Entries, e => e.Method != "GET");
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task AnEditedJournal_IsRefusedByRollbackWithExitThree_AndNothingIsWritten()
    {
        await PlanAsync();
        var applied = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);
        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        var lines = (await File.ReadAllTextAsync(Journal)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(lines, l => l.Contains("\"type\":\"intent\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"step\":", "\"edited\":true,\"step\":", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Journal, string.Join("\n", lines) + "\n");
        var journal = await File.ReadAllBytesAsync(Journal);
        var eks = World.Eks.State.SnapshotJson();
        var kubernetes = World.Kubernetes.State.SnapshotJson();

        var rolledBack = await CliRun.RunAsync("rollback", Journal, "--api-server", World.ApiServer, "--yes");

        Assert.Equal(3, rolledBack.ExitCode);
        Assert.Contains("hash chain breaks", rolledBack.Out + rolledBack.Error, StringComparison.Ordinal);
        Assert.Equal(journal, await File.ReadAllBytesAsync(Journal));
        Assert.Equal(eks, World.Eks.State.SnapshotJson());
        Assert.Equal(kubernetes, World.Kubernetes.State.SnapshotJson());
    }

    [Fact]
    public async Task Rollback_WithAPlanThatIsNotTheReviewedOne_IsRefusedWithExitThree()
    {
        await PlanAsync();
        var applied = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);
        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        var other = Path.Combine(World.Directory, "other.json");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(PlanFile)) + "\n");
        var eks = World.Eks.State.SnapshotJson();

        var rolledBack = await CliRun.RunAsync("rollback", Journal, "--plan", other, "--api-server", World.ApiServer, "--yes");

        Assert.Equal(3, rolledBack.ExitCode);
        Assert.Contains("is not the plan the journal", rolledBack.Out, StringComparison.Ordinal);
        Assert.Equal(eks, World.Eks.State.SnapshotJson());
    }

    [Fact]
    public async Task ApplyDebug_LogsEveryAwsAndKubernetesCall_ReadsAndWrites_WithoutSecrets()
    {
        await PlanAsync();

        var applied = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal, "--debug");

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("debug: CreateAccessEntry", applied.Error, StringComparison.Ordinal);
        Assert.Contains("debug: UpdateClusterConfig", applied.Error, StringComparison.Ordinal);
        Assert.Contains("debug: DescribeCluster", applied.Error, StringComparison.Ordinal);
        Assert.Contains("debug: Kubernetes GET " + World.ApiServer.TrimEnd('/') + "/api/v1/namespaces/kube-system/configmaps/aws-auth -> 200", applied.Error, StringComparison.Ordinal);
        Assert.Contains("debug: Kubernetes POST " + World.ApiServer.TrimEnd('/') + "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases -> 201", applied.Error, StringComparison.Ordinal);
        Assert.Contains("debug: Kubernetes DELETE " + World.ApiServer.TrimEnd('/') + "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/eks-access-migrator -> 200", applied.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("k8s-aws-v1.", applied.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", applied.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(LiveCliWorld.SecretKey, applied.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveCliWorld.SessionToken, applied.Error, StringComparison.Ordinal);
        foreach (var line in applied.Error.Split('\n').Where(l => l.Contains("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.DoesNotContain("Signature=", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Credential=", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PlanFiles_AreTheOwnersOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await PlanAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PlanFile));
    }

    [Fact]
    public async Task Out_RefusesASymbolicLink_AndADevice_AndWritesNothing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var target = Path.Combine(World.Directory, "elsewhere.txt");
        await File.WriteAllTextAsync(target, "keep");
        var link = Path.Combine(World.Directory, "link.json");
        File.CreateSymbolicLink(link, target);

        var viaLink = await CliRun.RunAsync(["plan", .. World.Live("--out", link)]);
        var device = await CliRun.RunAsync(["plan", .. World.Live("--out", "/dev/null")]);

        Assert.Equal(1, viaLink.ExitCode);
        Assert.Contains("symbolic link", viaLink.Error, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(1, device.ExitCode);
        Assert.Contains("device", device.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(World.Directory, ".*.tmp"));
    }

    [Fact]
    public async Task Out_RefusesToReplaceAReadOnlyFile()
    {
        var readOnly = Path.Combine(World.Directory, "read-only.json");
        await File.WriteAllTextAsync(readOnly, "keep");
        File.SetAttributes(readOnly, FileAttributes.ReadOnly);

        var result = await CliRun.RunAsync(["plan", .. World.Live("--out", readOnly)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("read-only", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(readOnly));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("-starts-with-hyphen")]
    [InlineData("has/slash")]
    public async Task ClusterNames_FollowTheEksRule(string name)
    {
        var result = await CliRun.RunAsync("plan", "--cluster", name, "--region", "eu-west-1", "--api-server", World.ApiServer);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an EKS cluster name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstSignal_StopsNewSteps_TheSecondExitsAtOnceWith130()
    {
        using var error = new StringWriter();
        var exits = new List<int>();
        using var signals = new SignalStop(error, exits.Add, register: false);
        var first = new PosixSignalContext(PosixSignal.SIGINT);
        var second = new PosixSignalContext(PosixSignal.SIGTERM);

        signals.Handle(first);

        Assert.True(first.Cancel);
        Assert.True(signals.Stop.IsCancellationRequested);
        Assert.Empty(exits);
        Assert.Contains("starting no new step", error.ToString(), StringComparison.Ordinal);

        signals.Handle(second);

        Assert.Equal([130], exits);
    }

    private static string KubeSystemUid(FakeKubernetesServer server) =>
        server.State.Get(ResourceKinds.Namespace, null, "kube-system")!["metadata"]!["uid"]!.GetValue<string>();

    private Task PlanAsync() => World.PlanAsync();

    private async Task<string> KubeconfigAsync(Uri server)
    {
        var path = Path.Combine(World.Directory, "kubeconfig-b");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: b
              cluster:
                server: {server}
            users:
            - name: u
              user:
                token: some-token
            contexts:
            - name: b
              context:
                cluster: b
                user: u
            current-context: b
            """);
        return path;
    }
}
