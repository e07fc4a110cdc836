using System.Globalization;

namespace EksAccessMigrator.Apply.Coordination;

/// <summary>Who holds the cluster lease: user@host, process, the plan's hash, the operation, and a per-run id.</summary>
public sealed record LeaseHolder(string User, string Host, int ProcessId, string PlanHash, string Operation, string RunId)
{
    /// <summary>The holder of this process, for <paramref name="operation"/> (<c>apply</c> or <c>rollback</c>) of the plan with <paramref name="planHash"/>.</summary>
    public static LeaseHolder Current(string planHash, string operation) =>
        new(Environment.UserName, Environment.MachineName, Environment.ProcessId, planHash, operation, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)));

    /// <summary>The Lease's <c>spec.holderIdentity</c>.</summary>
    public string Identity => string.Create(CultureInfo.InvariantCulture, $"{User}@{Host} pid {ProcessId} {Operation} of plan {PlanHash[..Math.Min(12, PlanHash.Length)]} (run {RunId})");
}
