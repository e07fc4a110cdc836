namespace EksAccessMigrator.Core.Ports;

/// <summary>How a Kubernetes write ended: the outcome, the stored object's uid when it succeeded, the server's message otherwise.</summary>
/// <param name="Outcome">How the write ended.</param>
/// <param name="Message">The server's Status message, when not succeeded.</param>
/// <param name="Uid">The uid of the object as stored, when the write created or changed one.</param>
public sealed record ObjectWrite(WriteOutcome Outcome, string? Message, string? Uid = null)
{
    /// <summary>Gets a value indicating whether the write was applied.</summary>
    public bool Succeeded => Outcome == WriteOutcome.Succeeded;
}
