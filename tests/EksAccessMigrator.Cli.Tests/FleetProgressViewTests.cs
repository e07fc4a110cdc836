using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Tests;

public sealed class FleetProgressViewTests
{
    private static readonly FleetCluster Shop = new() { Name = "shop", Region = "eu-west-1" };
    private static readonly FleetCluster Tools = new() { Name = "tools", Region = "eu-west-1" };

    [Fact]
    public void OnATerminal_EachClusterEndsWithALine_CountingTheEndedAndTheRunning()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var view = new FleetProgressView(writer, 2, enabled: true);

        view.Started(Shop);
        view.Started(Tools);
        view.Finished(new FleetClusterResult { Name = "shop", Region = "eu-west-1", Status = FleetStatus.Applied, Changes = 3 });
        view.Finished(FleetClusterResult.Failed(Tools, "refused, nothing was written: stale.", 3));

        Assert.Equal(
            "[1/2, 1 running] shop applied: 3 change(s), 0 blocker(s)\n[2/2, 0 running] tools failed: refused, nothing was written: stale.\n",
            writer.ToString());
    }

    [Fact]
    public void WithoutATerminal_NothingIsPrinted()
    {
        using var writer = new StringWriter();
        var view = new FleetProgressView(writer, 1, enabled: false);

        view.Started(Shop);
        view.Finished(new FleetClusterResult { Name = "shop", Region = "eu-west-1", Status = FleetStatus.Planned });

        Assert.Empty(writer.ToString());
    }
}
