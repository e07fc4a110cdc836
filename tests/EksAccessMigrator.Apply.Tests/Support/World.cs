using System.Text.Json.Nodes;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>One test's cluster: a fresh fake EKS and fake API server beside the shared moto (app roles' trust reset).</summary>
internal sealed class World : IAsyncDisposable
{
    public const string BearerToken = "k8s-bearer-token-that-must-never-appear-0001";
    public static readonly AwsCredentialsSnapshot Credentials = new("AKIAAPPLYTEST0000001", "applySecretKeyThatMustNeverAppear0001", "applySessionTokenThatMustNeverAppear0001");

    private readonly StsService _sts;

    private World(MotoServer moto, FakeEksServer eks, FakeKubernetesServer kubernetes, string directory)
    {
        Moto = moto;
        Eks = eks;
        Kubernetes = kubernetes;
        Directory = directory;
        var settings = AwsSettings;
        var credentials = new StaticCredentialSource(Credentials);
        EksClient = EksClient.Create(settings, credentials);
        IamClient = IamClient.Create(settings, credentials);
        _sts = new StsService(settings, credentials);
        Connection = KubernetesConnection.FromEndpoint(kubernetes.Endpoint, null, _ => Task.FromResult(BearerToken), new KubernetesAdapterOptions
        {
            MaxAttempts = 6,
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
            MaxRetryDuration = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(2),
            RolloutPollInterval = TimeSpan.FromMilliseconds(20),
        });
        Clients = new ApplyClients(EksClient, IamClient, _sts.GetCallerIdentityAsync, Connection, Seed.Region);
    }

    public MotoServer Moto { get; }

    public FakeEksServer Eks { get; }

    public FakeKubernetesServer Kubernetes { get; }

    public string Directory { get; }

    public EksClient EksClient { get; }

    public IamClient IamClient { get; }

    public KubernetesConnection Connection { get; }

    public ApplyClients Clients { get; }

    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    private AwsClientSettings AwsSettings => new()
    {
        Region = Seed.Region,
        EksEndpointUrl = Eks.Endpoint,
        IamEndpointUrl = Moto.Endpoint,
        StsEndpointUrl = Moto.Endpoint,
        RequestsPerSecond = 1000,
        Burst = 1000,
        RequestTimeout = TimeSpan.FromSeconds(2),
        Retry = new AwsRetryOptions { MaxAttempts = 12, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(20), MaxTotalRetryTime = TimeSpan.FromSeconds(10), MaxRetryAfter = TimeSpan.FromMilliseconds(20) },
    };

    public static async Task<World> StartAsync(MotoServer moto, string mode = "API_AND_CONFIG_MAP")
    {
        var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 2 });
        var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = BearerToken });
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region, mode);
        if (mode != "CONFIG_MAP")
        {
            eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("dev"), "STANDARD", "dev", ["old-devs"]);
        }

        foreach (var ns in new[] { "kube-system", "shop", "billing" })
        {
            kubernetes.State.Add($"{{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{{\"name\":\"{ns}\"}}}}");
        }

        kubernetes.State.Add(Seed.ConfigMapJson());
        kubernetes.State.Add(Seed.ServiceAccountJson("shop", "shared", withPullSecret: true));
        kubernetes.State.Add(Seed.ServiceAccountJson("billing", "api", new Dictionary<string, string> { [Seed.IrsaAnnotation] = Seed.RoleArn("app-billing") }));
        kubernetes.State.Add(Seed.DeploymentJson("shop", "cart", "shared", new Dictionary<string, string> { [Seed.Kube2IamAnnotation] = "app-cart" }));
        kubernetes.State.Add(Seed.DeploymentJson("shop", "web", "shared", new Dictionary<string, string> { [Seed.Kube2IamAnnotation] = "app-web" }));
        kubernetes.State.Add(Seed.DeploymentJson("billing", "api", "api", new Dictionary<string, string> { ["team"] = "billing" }));
        var directory = Path.Combine(Path.GetTempPath(), "eam-apply-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var world = new World(moto, eks, kubernetes, directory);
        foreach (var role in Seed.AppRoles)
        {
            await world.IamClient.UpdateAssumeRolePolicyAsync(role, Seed.InitialTrust, CancellationToken.None);
        }

        return world;
    }

    /// <summary>The identity a live plan records: the fake EKS cluster's ARN and the fake API server's kube-system uid.</summary>
    public PlanCluster Identity(PlanCluster cluster) => cluster with
    {
        Arn = $"arn:aws:eks:{Seed.Region}:{Seed.Account}:cluster/{Seed.Cluster}",
        KubeSystemUid = Kubernetes.State.Get(ResourceKinds.Namespace, null, "kube-system")?["metadata"]?["uid"]?.GetValue<string>(),
    };

    public Task<MigrationPlan> PlanAsync(CancellationToken ct) => new WorldPlanner(this).PlanAsync(ct);

    /// <summary>Plans from the live state and saves the plan file, as <c>plan --out</c> would.</summary>
    public async Task<SavedPlan> SavePlanAsync(string name = "plan.json")
    {
        var path = Path.Combine(Directory, name);
        await File.WriteAllTextAsync(path, PlanJson.Serialize(await PlanAsync(CancellationToken.None)));
        return SavedPlan.Load(path);
    }

    public ApplyOptions Options(bool restart = true, int parallel = 4, Action<CrashPoint, string>? crash = null, bool dryRun = false) => new()
    {
        JournalPath = JournalPath,
        RestartWorkloads = restart,
        Parallel = parallel,
        CrashHook = crash,
        DryRun = dryRun,
        RolloutTimeout = TimeSpan.FromSeconds(10),
        ModeChangePollInterval = TimeSpan.FromMilliseconds(5),
        ModeChangeTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Applies with this world's planner as the re-derivation (or, for hand-made plans, the saved plan itself).</summary>
    public Task<ApplyResult> ApplyAsync(SavedPlan plan, ApplyOptions options) =>
        new PlanExecutor(Clients, options).ApplyAsync(plan, plan.Plan.Phase == "finalize" ? _ => Task.FromResult(plan.Plan) : PlanAsync, CancellationToken.None);

    public Task<RollbackResult> RollbackAsync(ApplyOptions? options = null) =>
        new RollbackExecutor(Clients, options ?? Options()).RollbackAsync(JournalPath, CancellationToken.None);

    /// <summary>All three servers' state; restart timestamps and the authentication mode can be masked for comparisons.</summary>
    public async Task<string> SnapshotAsync(bool maskRestartTimes = false, bool maskMode = false)
    {
        var eks = JsonNode.Parse(Eks.State.SnapshotJson())!;
        foreach (var cluster in eks["clusters"]!.AsArray())
        {
            if (maskMode)
            {
                cluster!["authenticationMode"] = "*";
            }
        }

        var kubernetes = JsonNode.Parse(Kubernetes.State.SnapshotJson())!;
        if (maskRestartTimes)
        {
            foreach (var obj in kubernetes.AsArray())
            {
                if (obj?["spec"]?["template"]?["metadata"]?["annotations"] is JsonObject annotations && annotations.ContainsKey(KubernetesClusterWriter.RestartedAtAnnotation))
                {
                    annotations[KubernetesClusterWriter.RestartedAtAnnotation] = "*";
                }
            }
        }

        var iam = new JsonObject();
        foreach (var role in Seed.AppRoles)
        {
            var read = await IamClient.GetRoleAsync(role, CancellationToken.None);
            iam[role] = JsonNode.Parse(read.AssumeRolePolicyDocument!);
        }

        return new JsonObject { ["eks"] = eks, ["kubernetes"] = kubernetes, ["iam"] = iam }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        _sts.Dispose();
        IamClient.Dispose();
        EksClient.Dispose();
        await Kubernetes.DisposeAsync();
        await Eks.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
