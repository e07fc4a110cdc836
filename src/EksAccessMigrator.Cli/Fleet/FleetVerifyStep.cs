using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>One cluster of <c>fleet verify</c>: the cluster re-read and compared with its reviewed plan, exactly as <c>verify PLAN</c> does.</summary>
internal sealed class FleetVerifyStep(FleetFolder folder, CliOutput output, WireLogView? debug, bool isDebug, TimeProvider clock)
{
    public async Task<FleetClusterResult> RunAsync(FleetCluster cluster, CancellationToken cancellationToken)
    {
        var path = folder.Plan(cluster.Name);
        var relative = FleetFolder.Relative(cluster.Name, FleetFolder.PlanFileName);
        if (!File.Exists(path))
        {
            return FleetClusterResult.Failed(cluster, $"no plan at {relative} to verify against: run fleet plan (and fleet apply) for this cluster first.", ExitCodes.Error);
        }

        var saved = PlanJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        if (saved.Cluster.Name != cluster.Name || saved.Cluster.Region != cluster.Region)
        {
            throw new UsageException($"{relative} is for cluster {saved.Cluster.Name} in {saved.Cluster.Region}, not {cluster.Name} in {cluster.Region}.");
        }

        using var access = FleetClusterAccess.For(cluster, isDebug, debug);
        var report = await VerifyCommand.ReportAsync(saved, access.Cluster, new WorkloadOptions(), access.Live, output, showProgress: false, clock, access.Credentials, cancellationToken).ConfigureAwait(false);
        var notOk = report.Subjects.Where(s => s.Status != VerifiedSubject.Ok).ToList();
        var row = new FleetClusterResult
        {
            Name = cluster.Name,
            Region = cluster.Region,
            Account = saved.Cluster.AccountId,
            Status = notOk.Count == 0 ? FleetStatus.Verified : FleetStatus.Failed,
            Changes = saved.Changes.Length,
            Blockers = saved.Summary.Blockers,
            Done = report.Subjects.Length - notOk.Count,
            NotOk = notOk.Count,
            ExitCode = notOk.Count == 0 ? ExitCodes.Success : ExitCodes.ChangesPresent,
            Plan = relative,
        };
        return notOk.Count == 0 ? row : row with
        {
            Error = $"{notOk.Count} of {report.Subjects.Length} subject(s) not ok: {string.Join("; ", notOk.Take(3).Select(s => $"{s.Address} {s.Status} ({s.Detail})"))}{(notOk.Count > 3 ? "; ..." : string.Empty)}. Run 'verify {relative}' for all of them.",
        };
    }
}
