using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Core.Tests.Fleet;

public sealed class FleetReportTests
{
    [Fact]
    public void TheWorstResult_IsFailed_ThenBlocked_ThenAnythingElse()
    {
        Assert.Equal(FleetStatus.Failed, Report(FleetStatus.Applied, FleetStatus.Blocked, FleetStatus.Failed, FleetStatus.Skipped).Worst);
        Assert.Equal(FleetStatus.Blocked, Report(FleetStatus.Planned, FleetStatus.Blocked, FleetStatus.Skipped).Worst);
        Assert.NotEqual(FleetStatus.Failed, Report(FleetStatus.Verified, FleetStatus.Skipped).Worst);
        Assert.NotEqual(FleetStatus.Blocked, Report(FleetStatus.Verified, FleetStatus.Skipped).Worst);
        Assert.Null(Report().Worst);
    }

    [Fact]
    public void Json_HasTheIssuesShape_WithFixedStatusNames_AndReadsBack()
    {
        var report = new FleetReport(FleetCommandKind.Apply, "2/4",
        [
            new FleetClusterResult { Name = "a", Region = "eu-west-1", Account = "111122223333", Status = FleetStatus.Applied, Changes = 3, Done = 3, Plan = "a/plan.json" },
            FleetClusterResult.Failed(FleetSelectionTests.Cluster("b"), "refused, nothing was written: stale.", 3),
        ]);

        var json = report.ToJson();

        Assert.Contains("\"command\": \"apply\"", json, StringComparison.Ordinal);
        Assert.Contains("\"shard\": \"2/4\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"applied\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"error\": \"refused, nothing was written: stale.\"", json, StringComparison.Ordinal);
        Assert.Contains("\"blockers\": 0", json, StringComparison.Ordinal);
        Assert.Contains("\"error\": null", json, StringComparison.Ordinal);
        Assert.Equal(json, FleetReport.FromJson(json).ToJson());
    }

    private static FleetReport Report(params FleetStatus[] statuses) =>
        new(FleetCommandKind.Plan, "1/1", [.. statuses.Select((s, i) => new FleetClusterResult { Name = $"c{i}", Region = "eu-west-1", Status = s })]);
}
