using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// The fleet run's progress on standard error, when it is a terminal: one line as each cluster ends, with how many
/// have ended and how many are in flight (<c>[12/50, 8 running] shop-07 applied, 3 change(s)</c>). Called from the
/// clusters' threads.
/// </summary>
public sealed class FleetProgressView(TextWriter writer, int total, bool enabled)
{
    private readonly Lock _gate = new();
    private int _running;
    private int _ended;

    public void Started(FleetCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        lock (_gate)
        {
            _running++;
        }
    }

    public void Finished(FleetClusterResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _running = Math.Max(0, _running - 1);
            _ended++;
            if (enabled)
            {
                var detail = result.Error is null ? $"{result.Changes} change(s), {result.Blockers} blocker(s)" : Text.Safe(result.Error);
                writer.WriteLine($"[{_ended}/{total}, {_running} running] {Text.Safe(result.Name)} {result.Status.Wire()}: {detail}");
            }
        }
    }
}
