namespace EksAccessMigrator.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;

    /// <summary>With <c>plan --detailed-exitcode</c>: the plan has changes; <c>verify</c>: not every subject is ok.</summary>
    public const int ChangesPresent = 2;

    /// <summary>
    /// <c>apply</c> or <c>rollback</c> refused before writing anything: the plan is stale, or for another cluster, account,
    /// region or API server; the journal or the cluster lease is held by another run; the journal's chain breaks.
    /// </summary>
    public const int Refused = 3;

    /// <summary><c>plan</c>/<c>show --exit-code-on-blockers</c>: the plan has blockers; <c>fleet</c>: no cluster failed, but one is blocked.</summary>
    public const int Blockers = 4;

    /// <summary>A bug in the tool: an exception nobody expected.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT/SIGTERM (apply and rollback: after the steps in flight finished).</summary>
    public const int Cancelled = 130;
}
