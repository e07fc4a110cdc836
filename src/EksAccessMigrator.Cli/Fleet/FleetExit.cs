using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// The exit code of a fleet run, from its worst result: a failed cluster exits 1 (130 when the run was interrupted),
/// else a blocked one 4, else 0 (planned, applied, verified and skipped clusters are all fine).
/// </summary>
internal static class FleetExit
{
    public static int Of(FleetReport report, bool signalled)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Worst switch
        {
            FleetStatus.Failed => signalled ? ExitCodes.Cancelled : ExitCodes.Error,
            FleetStatus.Blocked => ExitCodes.Blockers,
            _ => ExitCodes.Success,
        };
    }
}
