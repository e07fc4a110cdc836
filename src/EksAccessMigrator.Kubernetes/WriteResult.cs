namespace EksAccessMigrator.Kubernetes;

/// <summary>The result of a write: the outcome, the object as stored when it succeeded, the server's message otherwise.</summary>
/// <typeparam name="T">The stored object's type.</typeparam>
/// <param name="Outcome">How the write ended.</param>
/// <param name="Value">The object as the server stored it, when <see cref="WriteOutcome.Succeeded"/>.</param>
/// <param name="Message">The server's Status message, when not succeeded.</param>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value, string? Message)
    where T : class
{
    /// <summary>Gets a value indicating whether the write was applied.</summary>
    public bool Succeeded => Outcome == WriteOutcome.Succeeded;
}
