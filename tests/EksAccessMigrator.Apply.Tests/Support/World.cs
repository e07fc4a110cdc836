using System.Text.Json.Nodes;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>
/// One test's cluster: a fresh fake EKS and fake API server beside the shared moto (app roles' trust reset). Plans
/// are made as <c>plan --out</c> makes them: the real live scanner over HTTP, then the real planner.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    public const string BearerToken = "k8s-bearer-token-that-must-never-appear-0001";
    public const string OidcIssuer = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    /// <summary>Credentials that reach the servers but name no session of moto's (for connection tests).</summary>
    public static readonly AwsCredentialsSnapshot Credentials = new("AKIAAPPLYTEST0000001", "applySecretKeyThatMustNeverAppear0001", "applySessionTokenThatMustNeverAppear0001");

    private readonly StsClient _sts;

    private World(MotoServer moto, FakeEksServer eks, FakeKubernetesServer kubernetes, string directory)
    {
        Moto = moto;
        Eks = eks;
        Kubernetes = kubernetes;
        Directory = directory;
        var settings = AwsSettings;
        var credentials = new StaticCredentialSource(moto.OperatorCredentials);
        EksClient = EksClient.Create(settings, credentials);
        IamClient = IamClient.Create(settings, credentials);
        _sts = StsClient.Create(settings, credentials);
        Connection = KubernetesConnection.FromEndpoint(kubernetes.Endpoint, null, _ => Task.FromResult(BearerToken), new KubernetesAdapterOptions
        {
            MaxAttempts = 6,
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
            MaxRetryDuration = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(2),
            RolloutPollInterval = TimeSpan.FromMilliseconds(20),
        });
        Clients = AdapterPorts.Create(EksClient, IamClient, _sts, Connection, Seed.Region);
    }

    public MotoServer Moto { get; }

    public FakeEksServer Eks { get; }

    public FakeKubernetesServer Kubernetes { get; }

    public string Directory { get; }

    public EksClient EksClient { get; }

    public IamClient IamClient { get; }

    public KubernetesConnection Connection { get; }

    /// <summary>The real adapters over this world's servers, as the CLI wires them.</summary>
    public ClusterPorts Clients { get; }

    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    private AwsClientSettings AwsSettings => new()
    {
        Region = Seed.Region,
        EksEndpointUrl = Eks.Endpoint,
        IamEndpointUrl = Moto.Endpoint,
        StsEndpointUrl = Moto.Endpoint,
        RequestTimeout = TimeSpan.FromSeconds(2),
        Retry = new AwsRetryOptions { MaxAttempts = 12, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(20), MaxTotalRetryTime = TimeSpan.FromSeconds(10), MaxRetryAfter = TimeSpan.FromMilliseconds(20) },
    };

    public static async Task<World> StartAsync(MotoServer moto, string mode = "API_AND_CONFIG_MAP")
    {
        var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 2 });
        // The executor's connection presents BearerToken; the scanner presents an EKS token made like 'aws eks get-token'.
        var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { BearerTokenValidator = t => t == BearerToken || t.StartsWith("k8s-aws-v1.", StringComparison.Ordinal) });
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region, mode);
        if (mode != "CONFIG_MAP")
        {
            eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("dev"), "STANDARD", "dev", ["old-devs"]);
        }

        foreach (var ns in new[] { "kube-system", "shop", "billing" })
        {
            var uid = ns == "kube-system" ? $",\"uid\":\"{Seed.KubeSystemUid}\"" : string.Empty;
            kubernetes.State.Add($"{{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{{\"name\":\"{ns}\"{uid}}}}}");
        }

        kubernetes.State.Add(Seed.ConfigMapJson());
        kubernetes.State.Add(Seed.Kube2iamDaemonSetJson);
        kubernetes.State.Add(Seed.ServiceAccountJson("shop", "shared", withPullSecret: true));
        kubernetes.State.Add(Seed.ServiceAccountJson("billing", "api", new Dictionary<string, string> { [Seed.IrsaAnnotation] = Seed.RoleArn("app-billing") }));
        kubernetes.State.Add(Seed.DeploymentJson("shop", "cart", "shared", new Dictionary<string, string> { [Seed.Kube2IamAnnotation] = "app-cart" }));
        kubernetes.State.Add(Seed.DeploymentJson("shop", "web", null, new Dictionary<string, string> { [Seed.Kube2IamAnnotation] = "app-web" }));
        kubernetes.State.Add(Seed.DeploymentJson("billing", "api", "api", new Dictionary<string, string> { ["team"] = "billing" }));
        var directory = Path.Combine(Path.GetTempPath(), "eam-apply-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var world = new World(moto, eks, kubernetes, directory);
        foreach (var role in Seed.AppRoles)
        {
            await world.IamClient.UpdateAssumeRolePolicyAsync(role, Seed.InitialTrustOf(role), CancellationToken.None);
        }

        foreach (var (name, document) in Seed.NodeInlinePolicies)
        {
            await world.IamClient.PutRolePolicyAsync("node", name, document, CancellationToken.None);
        }

        return world;
    }

    /// <summary>The identity a live plan records: the fake EKS cluster's ARN and the fake API server's kube-system uid.</summary>
    public PlanCluster Identity(PlanCluster cluster) => cluster with
    {
        Arn = $"arn:aws:eks:{Seed.Region}:{Seed.Account}:cluster/{Seed.Cluster}",
        KubeSystemUid = Kubernetes.State.Get(ResourceKinds.Namespace, null, "kube-system")?["metadata"]?["uid"]?.GetValue<string>(),
    };

    /// <summary>What the live scanner reads: this world's fake EKS and API server, moto for IAM and STS.</summary>
    public LiveScanSettings ScanSettings => new()
    {
        ClusterName = Seed.Cluster,
        Aws = AwsSettings,
        ApiServerOverride = Kubernetes.Endpoint,
        Kubernetes = new KubernetesAdapterOptions
        {
            MaxAttempts = 6,
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
            MaxRetryDuration = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(2),
        },
        MaxConcurrency = 4,
    };

    /// <summary>Scans this world's cluster with the real live scanner and plans <paramref name="phase"/> with the real planner.</summary>
    public async Task<MigrationPlan> PlanAsync(PlanPhase phase, CancellationToken ct)
    {
        // --oidc-issuer: given to the scan, which records it in the inventory instead of DescribeCluster's.
        var scan = await new LiveInventoryScanner(ScanSettings with { OidcIssuer = OidcIssuer }, new StaticCredentialSource(Moto.OperatorCredentials)).ScanAsync(ct);
        return MigrationPlanner.Plan(scan.Inventory, new PlannerOptions
        {
            Phase = phase,
            TargetAuthenticationMode = phase == PlanPhase.Finalize ? Core.Inventory.AuthenticationMode.Api : null,
            Workloads = new WorkloadIdentityOptions { IncludeIrsa = true, Kube2iamBaseRoleArn = $"arn:aws:iam::{Seed.Account}:role/" },
            ToolVersion = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
    }

    /// <summary>Plans <paramref name="phase"/> from the live state and saves the plan file, as <c>plan --out</c> would.</summary>
    public async Task<SavedPlan> SavePlanAsync(PlanPhase phase = PlanPhase.Migrate, string? name = null)
    {
        var path = Path.Combine(Directory, name ?? phase.Wire() + ".plan.json");
        await File.WriteAllTextAsync(path, PlanJson.Serialize(await PlanAsync(phase, CancellationToken.None)));
        return SavedPlan.Load(path);
    }

    /// <summary>Applies the phases before <paramref name="phase"/> (each planned from the state the previous one left), with their own journals.</summary>
    public async Task ReachAsync(PlanPhase phase)
    {
        foreach (var earlier in new[] { PlanPhase.Migrate, PlanPhase.Cutover }.TakeWhile(p => p != phase))
        {
            var plan = await SavePlanAsync(earlier);
            var result = await new PlanExecutor(Clients, Options() with { JournalPath = Path.Combine(Directory, earlier.Wire() + ".journal.jsonl") }).ApplyAsync(plan, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"the {earlier.Wire()} phase did not apply: " + string.Join("; ", result.Steps.Where(s => s.Status != StepStatus.Done).Select(s => $"{s.Address} {s.Status} {s.Message}")) + result.Refusal);
            }
        }
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

    public Task<ApplyResult> ApplyAsync(SavedPlan plan, ApplyOptions options) =>
        new PlanExecutor(Clients, options).ApplyAsync(plan, CancellationToken.None);

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

        foreach (var (name, _) in Seed.NodeInlinePolicies)
        {
            try
            {
                iam["node/" + name] = JsonNode.Parse(await IamClient.GetRolePolicyAsync("node", name, CancellationToken.None));
            }
            catch (Aws.Errors.AwsResourceNotFoundException)
            {
                iam["node/" + name] = null;
            }
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
