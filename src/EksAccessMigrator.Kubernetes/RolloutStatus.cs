namespace EksAccessMigrator.Kubernetes;

/// <summary>One evaluation of a workload's rollout: finished or not, and why.</summary>
internal sealed record RolloutStatus(RolloutOutcome? Final, string Message)
{
    public static RolloutStatus Waiting(string message) => new(null, message);

    public static RolloutStatus Done(string message) => new(RolloutOutcome.Complete, message);
}
