using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// One cluster of <c>fleet plan</c>, planned exactly as <c>plan</c> plans a live cluster (the same scan, planner
/// and plan file writer): the command line's plan options with the inventory's <c>plan:</c> values over them.
/// Writes <c>plan.json</c> and <c>plan.sha256</c> (the hash <c>fleet apply</c> checks the plan against).
/// </summary>
internal sealed class FleetPlanStep(PlanOptions plan, WorkloadOptions workloads, FleetFolder folder, CliOutput output, WireLogView? debug, bool isDebug, TimeProvider clock)
{
    public async Task<FleetClusterResult> RunAsync(FleetCluster cluster, CancellationToken cancellationToken)
    {
        var clusterWorkloads = WorkloadOptionsFor(workloads, cluster.Plan);
        var options = PlanCommand.Options(PlanOptionsFor(plan, cluster.Plan), clock) with { Workloads = clusterWorkloads.ToPlannerOptions() };
        using var access = FleetClusterAccess.For(cluster, isDebug, debug);
        var inventory = await PlanCommand.ScanLiveAsync(access.Cluster, access.Live, clusterWorkloads, output, showProgress: false, access.Credentials, cancellationToken).ConfigureAwait(false);
        var result = MigrationPlanner.Plan(inventory, options);
        var json = PlanJson.Serialize(result);
        AtomicFile.Write(folder.Plan(cluster.Name), json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(new UTF8Encoding(false).GetBytes(json)));

        // sha256sum's format, so a reviewer can check the plan with 'sha256sum -c plan.sha256' in the cluster's folder.
        AtomicFile.Write(folder.Hash(cluster.Name), $"{hash}  {FleetFolder.PlanFileName}\n");
        return new FleetClusterResult
        {
            Name = cluster.Name,
            Region = cluster.Region,
            Account = result.Cluster.AccountId,
            Status = result.Summary.Blockers > 0 ? FleetStatus.Blocked : FleetStatus.Planned,
            Error = result.Summary.Blockers > 0 ? $"the plan has {result.Summary.Blockers} blocker(s): review {FleetFolder.Relative(cluster.Name, FleetFolder.PlanFileName)} ('show' it), resolve them and plan again; fleet apply does not apply a plan with blockers." : null,
            Changes = result.Changes.Length,
            Blockers = result.Summary.Blockers,
            ExitCode = result.Summary.Blockers > 0 ? ExitCodes.Blockers : ExitCodes.Success,
            Plan = FleetFolder.Relative(cluster.Name, FleetFolder.PlanFileName),
            PlanHash = hash,
        };
    }

    /// <summary>The command line's plan options with the cluster's phase over them.</summary>
    internal static PlanOptions PlanOptionsFor(PlanOptions plan, FleetPlanSettings settings) => new()
    {
        Phase = settings.Phase ?? plan.Phase,
        TargetMode = plan.TargetMode,
        BreakGlassArn = plan.BreakGlassArn,
        CallerArn = plan.CallerArn,
        CreatedAt = plan.CreatedAt,
        RewriteSessionNameRaw = plan.RewriteSessionNameRaw,
    };

    /// <summary>The command line's kube2iam, kiam and IRSA options with the cluster's over them.</summary>
    internal static WorkloadOptions WorkloadOptionsFor(WorkloadOptions workloads, FleetPlanSettings settings) => new()
    {
        Kube2iamBaseRoleArn = settings.Kube2iamBaseRoleArn ?? workloads.Kube2iamBaseRoleArn,
        Kube2iamDefaultRole = settings.Kube2iamDefaultRole ?? workloads.Kube2iamDefaultRole,
        IamRoleKey = settings.IamRoleKey ?? workloads.IamRoleKey,
        NamespaceRestrictions = workloads.NamespaceRestrictions,
        NamespaceRestrictionFormat = workloads.NamespaceRestrictionFormat,
        KiamRoleBaseArn = settings.KiamRoleBaseArn ?? workloads.KiamRoleBaseArn,
        IncludeIrsa = settings.IncludeIrsa ?? workloads.IncludeIrsa,
        OidcIssuer = workloads.OidcIssuer,
    };
}
