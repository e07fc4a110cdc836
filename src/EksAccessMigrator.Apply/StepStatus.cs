namespace EksAccessMigrator.Apply;

/// <summary>How one step ended.</summary>
public enum StepStatus
{
    /// <summary>Applied now, or found already in effect.</summary>
    Done,

    /// <summary>Not performed: done in an earlier run, restarts not requested, or an earlier stage failed.</summary>
    Skipped,

    /// <summary>The change could not be made; the message says why.</summary>
    Failed,

    /// <summary>Stopped before its write: the object changed since the plan was made (the CLI maps that to exit 3).</summary>
    Stale,

    /// <summary>Dry run: these calls would be made.</summary>
    WouldRun,

    /// <summary>Not started: the run was interrupted (a signal, or the cluster lease was lost); the next apply runs it.</summary>
    NotStarted,
}
