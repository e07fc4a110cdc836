namespace EksAccessMigrator.Core.Ports;

/// <summary>How waiting for a rollout ended.</summary>
public enum RolloutOutcome
{
    /// <summary>The controller observed the latest generation and every replica is updated and available.</summary>
    Complete,

    /// <summary>The timeout passed first.</summary>
    TimedOut,

    /// <summary>The rollout failed (Deployment ProgressDeadlineExceeded).</summary>
    Failed,

    /// <summary>The workload does not exist.</summary>
    NotFound,

    /// <summary>
    /// The kind or update strategy has no rollout to follow (Jobs, CronJobs, OnDelete): pods take the new template
    /// only when they are next created.
    /// </summary>
    Untracked,
}
