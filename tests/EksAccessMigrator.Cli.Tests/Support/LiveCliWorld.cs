using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>
/// One test's live cluster: a fake EKS with cluster "shop" (CONFIG_MAP), a fake Kubernetes API server with its
/// aws-auth, moto for IAM and STS, and the AWS SDKs' environment variables pointing at them (restored afterwards).
/// </summary>
internal sealed class LiveCliWorld : IAsyncDisposable
{
    public const string SecretKey = "cliLiveSecretKeyThatMustNeverBePrinted00";
    public const string SessionToken = "cliLiveSessionTokenThatMustNeverBePrinted00";

    public const string AwsAuthJson = """
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
         "data": {
           "mapRoles": "- rolearn: arn:aws:iam::123456789012:role/admin\n  username: admin\n  groups: [system:masters, ops]\n- rolearn: arn:aws:iam::123456789012:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n",
           "mapUsers": "- userarn: arn:aws:iam::123456789012:user/alice\n  username: alice\n  groups: [dev]\n"}}
        """;

    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_IAM",
        "AWS_ENDPOINT_URL_STS", "AWS_EC2_METADATA_DISABLED", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE",
    ];

    private readonly Dictionary<string, string?> _saved = [];
    private readonly string _empty;

    private LiveCliWorld(FakeEksServer eks, FakeKubernetesServer kubernetes, string empty)
    {
        Eks = eks;
        Kubernetes = kubernetes;
        _empty = empty;
    }

    public FakeEksServer Eks { get; }

    public FakeKubernetesServer Kubernetes { get; }

    /// <summary>A folder of this test's own for plan files and journals, deleted with the world.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("eam-live-cli-").FullName;

    public string PlanFile => Path.Combine(Directory, "plan.json");

    public string Journal => Path.Combine(Directory, "journal.jsonl");

    public static async Task<LiveCliWorld> StartAsync(MotoServer moto)
    {
        var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        eks.State.AddCluster("shop", MotoServer.Account, "eu-west-1");
        var kubernetes = await FakeKubernetesServer.StartAsync();
        kubernetes.State.Add("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}}""");
        kubernetes.State.Add(AwsAuthJson);
        var empty = Path.Combine(Path.GetTempPath(), $"eam-empty-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(empty, string.Empty);
        var world = new LiveCliWorld(eks, kubernetes, empty);
        foreach (var name in Variables)
        {
            world._saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Set("AWS_ACCESS_KEY_ID", "AKIACLILIVETEST00001");
        Set("AWS_SECRET_ACCESS_KEY", SecretKey);
        Set("AWS_SESSION_TOKEN", SessionToken);
        Set("AWS_REGION", null);
        Set("AWS_PROFILE", null);
        Set("AWS_ENDPOINT_URL_EKS", eks.Endpoint.ToString());
        Set("AWS_ENDPOINT_URL_IAM", moto.Endpoint.ToString());
        Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString());
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_CONFIG_FILE", empty);
        Set("AWS_SHARED_CREDENTIALS_FILE", empty);
        return world;
    }

    public static void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);

    /// <summary>The live options for cluster "shop", plus more arguments.</summary>
    public string[] Live(params string[] more) =>
        ["--cluster", "shop", "--region", "eu-west-1", "--api-server", Kubernetes.Endpoint.ToString(), .. more];

    public string ApiServer => Kubernetes.Endpoint.ToString();

    /// <summary>Runs the real CLI's plan against this cluster into <see cref="PlanFile"/>; it must succeed.</summary>
    public async Task PlanAsync()
    {
        var planned = await CliRun.RunAsync(["plan", .. Live("--out", PlanFile)]);
        Assert.True(planned.ExitCode == 0, planned.Error);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        File.Delete(_empty);
        System.IO.Directory.Delete(Directory, recursive: true);
        await Kubernetes.DisposeAsync();
        await Eks.DisposeAsync();
    }
}
