namespace EksAccessMigrator.Core.Ports;

/// <summary>How a lease write ended: the lease as stored when it succeeded, the server's message otherwise.</summary>
/// <param name="Outcome">How the write ended.</param>
/// <param name="Value">The lease as stored, when succeeded.</param>
/// <param name="Message">The server's Status message, when not succeeded.</param>
public sealed record LeaseWrite(WriteOutcome Outcome, LeaseObject? Value, string? Message)
{
    /// <summary>Gets a value indicating whether the write was applied.</summary>
    public bool Succeeded => Outcome == WriteOutcome.Succeeded;
}
