using System.Collections.Immutable;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>ReplaceConfigMap (finalize): backup first, optimistic concurrency, merge or stop, exact rollback.</summary>
[Collection(MotoGroup.Name)]
public sealed class AwsAuthCleanupTests(MotoServer moto)
{
    private const string NodeRow = """
        - rolearn: arn:aws:iam::123456789012:role/node
          username: system:node:{{EC2PrivateDNSName}}
          groups: [system:bootstrappers, system:nodes]

        """;

    [Fact]
    public async Task M3_RemovesTheRows_BacksUpFirst_MergesAConcurrentEditOfAnotherKey_AndRollsBackExactly()
    {
        await using var world = await World.StartAsync(moto);
        var before = world.Kubernetes.State.SnapshotJson();
        var plan = await SaveAsync(world);
        world.Kubernetes.Faults.ConcurrentEditBeforeNextWrite(ResourceKinds.ConfigMap, "kube-system", "aws-auth", cm => cm["data"]!["mapUsers"] = "- userarn: arn:aws:iam::123456789012:user/late\n  username: late\n");

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps));
        var data = world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!["data"]!;
        Assert.Equal(NodeRow, data["mapRoles"]!.GetValue<string>());
        Assert.Contains("user/late", data["mapUsers"]!.GetValue<string>(), StringComparison.Ordinal);
        var backup = Assert.Single(Directory.GetFiles(world.Directory, "journal.jsonl.aws-auth-*.backup.json"));
        Assert.Contains("role/admin", await File.ReadAllTextAsync(backup), StringComparison.Ordinal);
        Assert.Contains("role/admin", await File.ReadAllTextAsync(world.JournalPath), StringComparison.Ordinal);
        var copy = Assert.Single(BackupCopies(world));
        Assert.Contains("role/admin", copy["data"]!["mapRoles"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("eks-access-migrator", copy["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>());

        var rollback = await world.RollbackAsync();

        Assert.True(rollback.Succeeded);
        Assert.Empty(BackupCopies(world));
        var restored = world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!["data"]!;
        Assert.Equal(Seed.AwsAuthMapRoles, restored["mapRoles"]!.GetValue<string>());
        Assert.Contains("user/late", restored["mapUsers"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(before, world.Kubernetes.State.SnapshotJson());
    }

    [Fact]
    public async Task AConcurrentEditOfTheRewrittenRows_BetweenReadAndWrite_MakesTheStepStale_WithoutOverwritingIt()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await SaveAsync(world);
        const string Edited = "- rolearn: arn:aws:iam::123456789012:role/brand-new\n  username: new\n";
        world.Kubernetes.Faults.ConcurrentEditBeforeNextWrite(ResourceKinds.ConfigMap, "kube-system", "aws-auth", cm => cm["data"]!["mapRoles"] = Edited);

        var result = await world.ApplyAsync(plan, world.Options());

        var step = Assert.Single(result.Steps);
        Assert.Equal(StepStatus.Stale, step.Status);
        Assert.Equal(1, result.Stale);
        Assert.Contains("edited concurrently", step.Message, StringComparison.Ordinal);
        Assert.Equal(Edited, world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!["data"]!["mapRoles"]!.GetValue<string>());
    }

    [Fact]
    public async Task M2_TheSwitchToApiIsStaleWhenThePrincipalRunningApplyIsNoClusterAdmin_NothingWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await SaveAsync(world, [ApiSwitch], "api.json");

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.StalePlan, result.Refusal?.Reason);
        var stale = Assert.Single(result.Refusal!.Stale);
        Assert.Equal("cluster/authentication-mode", stale.Address);
        Assert.Contains($"the principal running apply {Seed.RoleArn("admin")}", stale.Message, StringComparison.Ordinal);
        Assert.Equal("API_AND_CONFIG_MAP", world.Eks.State.AuthenticationModeOf(Seed.Cluster));
        Assert.Equal(0, world.Eks.Requests.Count("UpdateClusterConfig"));
        Assert.False(File.Exists(world.JournalPath));
    }

    [Fact]
    public async Task M3_TheSwitchToApiBacksAwsAuthUpFirst()
    {
        await using var world = await World.StartAsync(moto);
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("admin"), "STANDARD", "admin", ["platform"])
            .AssociateAccessPolicy(Seed.Cluster, Seed.RoleArn("admin"), "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        var plan = await SaveAsync(world, [ApiSwitch], "api.json");

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps));
        Assert.Equal("API", world.Eks.State.AuthenticationModeOf(Seed.Cluster));
        var backup = Assert.Single(Directory.GetFiles(world.Directory, "journal.jsonl.aws-auth-*.backup.json"));
        Assert.Contains("role/admin", await File.ReadAllTextAsync(backup), StringComparison.Ordinal);
        Assert.Contains("role/admin", await File.ReadAllTextAsync(world.JournalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SteadyConcurrentEdits_AreRetriedWithBackoff_ReReadingEachTime_UntilTheWriteGoesThrough()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await SaveAsync(world);
        world.Kubernetes.Faults.FailNext(409, times: 8, when: r => r.Method == "PUT" && r.Path.EndsWith("/configmaps/aws-auth", StringComparison.Ordinal));

        var result = await world.ApplyAsync(plan, world.Options() with { AwsAuthConflictBudget = TimeSpan.FromSeconds(20) });

        Assert.True(result.Succeeded, string.Join("\n", result.Steps));
        var reads = world.Kubernetes.Requests.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith("/configmaps/aws-auth", StringComparison.Ordinal));
        Assert.True(reads >= 9, $"{reads} reads of aws-auth");
        Assert.DoesNotContain("role/admin", world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!["data"]!["mapRoles"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditsThatNeverStop_GiveUpWhenTheBudgetIsSpent_WithoutOverwriting()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await SaveAsync(world);
        world.Kubernetes.Faults.FailNext(409, times: 1000, when: r => r.Method == "PUT" && r.Path.EndsWith("/configmaps/aws-auth", StringComparison.Ordinal));

        var result = await world.ApplyAsync(plan, world.Options() with { AwsAuthConflictBudget = TimeSpan.FromMilliseconds(600) });

        var step = Assert.Single(result.Steps, s => s.Action == ReplaceConfigMapChange.ActionName);
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Contains("kept changing concurrently", step.Message, StringComparison.Ordinal);
        Assert.Contains("role/admin", world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!["data"]!["mapRoles"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static UpdateClusterConfigChange ApiSwitch => new()
    {
        Address = "cluster/authentication-mode",
        AuthenticationMode = Core.Inventory.AuthenticationMode.Api,
        BackupAwsAuth = true,
        Reversible = false,
        Sources = ["cluster/accessConfig"],
    };

    private static async Task<SavedPlan> SaveAsync(World world)
    {
        ImmutableArray<PlanChange> changes =
        [
            new ReplaceConfigMapChange
            {
                Address = "aws-auth/kube-system/aws-auth",
                Namespace = "kube-system",
                Name = "aws-auth",
                BackupFirst = true,
                // Core's plan reader requires every constructor member of the row (nulls are left out on write): give all.
                RemovedEntries = [new RemovedAwsAuthEntry { Source = "aws-auth/mapRoles[1]", Section = "mapRoles", Arn = Seed.RoleArn("admin"), Username = "admin", Groups = ["system:masters", "platform"], Reason = "migrated" }],
                PreviousData = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("mapRoles", Seed.AwsAuthMapRoles)]),
                Data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("mapRoles", NodeRow)]),
                Reversible = true,
                Sources = ["aws-auth/mapRoles[1]"],
            },
        ];
        return await SaveAsync(world, changes, "finalize.json");
    }

    private static async Task<SavedPlan> SaveAsync(World world, ImmutableArray<PlanChange> changes, string name)
    {
        var plan = new MigrationPlan
        {
            FormatVersion = MigrationPlan.CurrentFormatVersion,
            ToolVersion = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Phase = Core.Planning.PlanPhase.Finalize,
            Options = new PlanOptionsRecord { RewriteSessionNameRaw = false, BreakGlassArns = [], Workloads = new WorkloadOptionsRecord() },
            Cluster = world.Identity(new PlanCluster(Seed.Cluster, Seed.Region, Seed.Account, "aws", Core.Inventory.AuthenticationMode.ApiAndConfigMap)),
            Summary = PlanSummary.Of(changes, [], []),
            Changes = changes,
            NoOps = [],
            Findings = [],
        };
        var path = Path.Combine(world.Directory, name);
        await File.WriteAllTextAsync(path, PlanJson.Serialize(plan));
        return SavedPlan.Load(path);
    }

    private static List<System.Text.Json.Nodes.JsonObject> BackupCopies(World world) =>
        [.. world.Kubernetes.State.List(ResourceKinds.ConfigMap, "kube-system")
            .Where(c => c["metadata"]!["name"]!.GetValue<string>().StartsWith("aws-auth-backup-", StringComparison.Ordinal))];
}
