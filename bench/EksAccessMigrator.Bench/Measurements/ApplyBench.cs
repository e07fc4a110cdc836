using System.Diagnostics;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Bench.Measurements;

/// <summary>
/// Applies a plan of <c>n</c> access entries (the aws-auth of a CONFIG_MAP cluster: one UpdateClusterConfig and n
/// CreateAccessEntry) with the real executor and the shipped client settings, against the fake EKS (answering each
/// call after a delay, or throttling above a rate) and the fake Kubernetes (lease, kube-system uid).
/// </summary>
internal static class ApplyBench
{
    private const string Token = "bench-bearer-token";

    public static async Task<ApplyRun> RunAsync(string directory, int entries, int parallel, FakeEksOptions eksOptions)
    {
        var plan = PlanFile(directory, entries);
        await using var eks = await FakeEksServer.StartAsync(eksOptions);
        await using var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = Token });
        eks.State.AddCluster(SyntheticCluster.Name, SyntheticCluster.Account, SyntheticCluster.Region, "CONFIG_MAP");
        foreach (var obj in AwsAuthCluster(entries))
        {
            kubernetes.State.Add(obj);
        }

        var settings = new AwsClientSettings { Region = SyntheticCluster.Region, EksEndpointUrl = eks.Endpoint, IamEndpointUrl = eks.Endpoint };
        var credentials = new StaticCredentialSource(new AwsCredentialsSnapshot("AKIABENCH00000000001", "benchSecretKey"));
        using var eksClient = EksClient.Create(settings, credentials);
        using var iamClient = IamClient.Create(settings, credentials);
        using var connection = KubernetesConnection.FromEndpoint(kubernetes.Endpoint, null, _ => Task.FromResult(Token), new KubernetesAdapterOptions());
        var clients = EksAccessMigrator.Live.AdapterPorts.Create(eksClient, iamClient, new FixedCaller(), connection, SyntheticCluster.Region);
        var options = new ApplyOptions
        {
            Parallel = parallel,
            JournalPath = Path.Combine(directory, $"apply-{Guid.NewGuid():N}.jsonl"),
            ModeChangePollInterval = TimeSpan.FromMilliseconds(50),
        };
        var watch = Stopwatch.StartNew();
        using var done = new CancellationTokenSource();
        var trace = Environment.GetEnvironmentVariable("EAM_BENCH_TRACE") is null ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{watch.Elapsed.TotalSeconds:F1}s rate {eksClient.Pipeline.RateLimiter.Rate?.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} requests {eks.Requests.Operations.Count} throttled {eks.QuotaThrottled}");
                await Task.Delay(500).ConfigureAwait(false);
            }
        });
        var result = await new PlanExecutor(clients, options).ApplyAsync(SavedPlan.Load(plan), CancellationToken.None);
        watch.Stop();
        await done.CancelAsync();
        await trace;
        var failed = result.Refusal?.Message ?? string.Join("; ", result.Steps.Where(s => s.Status is not (StepStatus.Done or StepStatus.Skipped)).Take(3).Select(s => $"{s.Address}: {s.Status} {s.Message}"));
        var writes = result.Steps.Count(s => s.Status == StepStatus.Done);
        var operations = eks.Requests.Operations.GroupBy(o => o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ApplyRun(watch.Elapsed, writes, result.Succeeded, failed, operations, operations.Values.Sum() - eks.QuotaThrottled);
    }

    /// <summary>The aws-auth cluster: kube-system and an aws-auth of <paramref name="entries"/> STANDARD rows.</summary>
    private static IEnumerable<JsonObject> AwsAuthCluster(int entries) =>
        SyntheticCluster.Objects(new ClusterShape("apply", 0, 0, 0, entries + 1))
            .Where(o => (string?)o["kind"] is "Namespace" or "ConfigMap")
            .Select(o => StripNodeRole(o));

    private static JsonObject StripNodeRole(JsonObject obj)
    {
        if ((string?)obj["kind"] == "ConfigMap")
        {
            var text = (string)obj["data"]!["mapRoles"]!;
            obj["data"]!["mapRoles"] = text[text.IndexOf("- rolearn: arn:aws:iam::" + SyntheticCluster.Account + ":role/team-", StringComparison.Ordinal)..];
        }

        return obj;
    }

    /// <summary>Plans the aws-auth cluster with the real CLI (offline) and records the live identity the fakes present.</summary>
    private static string PlanFile(string directory, int entries)
    {
        var export = Path.Combine(directory, $"aws-auth-{entries}.json");
        var plan = Path.Combine(directory, $"apply-{entries}.plan.json");
        ExportWriter.WriteJson(export, AwsAuthCluster(entries));
        var run = ChildRun.Run("plan", "--from", export, "--cluster", SyntheticCluster.Name, "--region", SyntheticCluster.Region, "--account", SyntheticCluster.Account, "--created-at", "2026-12-01T00:00:00Z", "--out", plan);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("plan failed: " + run.Error);
        }

        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        json["cluster"]!["arn"] = $"arn:aws:eks:{SyntheticCluster.Region}:{SyntheticCluster.Account}:cluster/{SyntheticCluster.Name}";
        json["cluster"]!["kubeSystemUid"] = SyntheticCluster.KubeSystemUid;
        File.WriteAllText(plan, json.ToJsonString());
        return plan;
    }

    private sealed class FixedCaller : ICallerIdentity
    {
        public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new CallerIdentity(SyntheticCluster.Account, $"arn:aws:iam::{SyntheticCluster.Account}:role/admin", "AROABENCH"));
    }
}
