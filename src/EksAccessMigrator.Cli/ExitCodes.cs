namespace EksAccessMigrator.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;

    /// <summary>With <c>plan --detailed-exitcode</c>: the plan has changes; <c>verify</c>: not every subject is ok.</summary>
    public const int ChangesPresent = 2;

    /// <summary><c>apply</c> refused before writing anything: the plan is stale, or for another cluster, account or region.</summary>
    public const int Refused = 3;

    /// <summary>A bug in the tool: an exception nobody expected.</summary>
    public const int InternalError = 70;

    public const int Cancelled = 130;
}
