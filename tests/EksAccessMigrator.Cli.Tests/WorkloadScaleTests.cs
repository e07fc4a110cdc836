using System.Text;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// A 2,000-workload kube2iam export (generated here): planned and rendered in Markdown with nothing dropped (I4),
/// and scanned into small records rather than object trees (memory stays bounded by streaming).
/// </summary>
public sealed class WorkloadScaleTests : IDisposable
{
    private const int Workloads = 2000;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"eam-scale-{Guid.NewGuid():N}.yaml");

    public WorkloadScaleTests()
    {
        using var writer = new StreamWriter(_file, false, new UTF8Encoding(false));
        writer.WriteLine("apiVersion: v1\nkind: List\nitems:");
        writer.WriteLine("- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata: {name: kube2iam, namespace: kube-system}\n  spec:\n    template:\n      spec:\n        hostNetwork: true\n        containers:\n        - {name: kube2iam, image: jtblin/kube2iam:0.11.2, args: [--base-role-arn=arn:aws:iam::111122223333:role/, --namespace-restrictions]}");
        for (var n = 0; n < 20; n++)
        {
            writer.WriteLine($"- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team{n}\n    annotations:\n      iam.amazonaws.com/allowed-roles: '[\"team{n}-*\", \"arn:aws:iam::999988887777:role/*\"]'");
        }

        var padding = string.Concat(Enumerable.Repeat("x", 2000));
        for (var i = 0; i < Workloads; i++)
        {
            var ns = $"team{i % 20}";
            var role = (i % 7) switch
            {
                0 => $"other-{i}",
                1 => $"arn:aws:iam::999988887777:role/{ns}-x",
                _ => $"{ns}-app{i % 50}",
            };
            var cron = i % 5 == 0;
            var pad = cron ? "    " : string.Empty;
            var sa = i % 3 == 0 ? string.Empty : $"\n{pad}        serviceAccountName: app{i}";
            var template = $"{pad}    template:\n{pad}      metadata:\n{pad}        annotations:\n{pad}          iam.amazonaws.com/role: {role}\n{pad}      spec:{sa}\n{pad}        containers:\n{pad}        - name: app\n{pad}          image: example/app:1\n{pad}          env:\n{pad}          - {{name: PADDING, value: {padding}}}";
            writer.WriteLine($"- apiVersion: {(cron ? "batch/v1" : "apps/v1")}\n  kind: {(cron ? "CronJob" : "Deployment")}\n  metadata: {{name: app{i}, namespace: {ns}}}\n  spec:\n{(cron ? "    jobTemplate:\n      spec:\n" : string.Empty)}{template}");
        }
    }

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task I4_EveryWorkloadEndsAsAChangeANoOpOrAFinding_AndTheMarkdownShowsThem()
    {
        var json = await CliRun.RunAsync("plan", "--from", _file, "--cluster", "big", "--region", "eu-west-1", "--account", "111122223333", "--format", "json");
        var markdown = await CliRun.RunAsync("plan", "--from", _file, "--cluster", "big", "--region", "eu-west-1", "--account", "111122223333", "--format", "markdown", "--full");

        Assert.True(json.ExitCode == 0, json.Error);
        var plan = PlanJson.Deserialize(json.Out, "big");
        var accounted = plan.Changes.SelectMany(c => c.Sources).Concat(plan.NoOps.SelectMany(n => n.Sources)).Concat(plan.Findings.SelectMany(f => f.Sources)).ToHashSet(StringComparer.Ordinal);
        var inputs = Enumerable.Range(0, Workloads).Select(i => $"team{i % 20}/{(i % 5 == 0 ? "CronJob" : "Deployment")}/app{i}").ToList();
        Assert.DoesNotContain(inputs, k => !accounted.Contains(k));

        var notPermitted = inputs.Where((_, i) => i % 7 == 0).ToList();
        var crossAccount = inputs.Where((_, i) => i % 7 == 1).ToList();
        Assert.Equal(notPermitted.Count, plan.Findings.Count(f => f.Code == "role-not-permitted"));
        Assert.Equal(crossAccount.Count, plan.Findings.Count(f => f.Code == "cross-account-role"));
        Assert.Equal(Workloads - notPermitted.Count - crossAccount.Count, plan.Changes.OfType<CreatePodIdentityAssociationChange>().Count());
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains($"#### CreatePodIdentityAssociation ({Workloads - notPermitted.Count - crossAccount.Count})", markdown.Out, StringComparison.Ordinal);
        Assert.All(plan.Changes.OfType<CreatePodIdentityAssociationChange>(), a => Assert.Contains($"| `{a.Namespace}/{a.ServiceAccount}` |", markdown.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void ScanningKeepsSmallRecordsNotObjectTrees()
    {
        var size = new FileInfo(_file).Length;

        // The whole heap is measured, so another thread's allocations can land between the two readings on a loaded
        // machine: the least of three scans is what the collector itself keeps.
        var retained = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var collector = new WorkloadCollector();
            ManifestScanner.Scan([_file], [collector], CancellationToken.None);
            var inventory = collector.ToInventory([]);
            retained = Math.Min(retained, GC.GetTotalMemory(forceFullCollection: true) - before);
            Assert.Equal(Workloads, inventory.Workloads.Length);
            GC.KeepAlive(collector);
        }

        Assert.True(retained < size / 4, $"scanning a {size}-byte export retained {retained} bytes; the collector must keep small records only");
    }
}
