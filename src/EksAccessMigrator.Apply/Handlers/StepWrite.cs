using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// The result of a step's write: success with what it left (for rollback), a failure message, or stale: the object
/// changed between the read and the write (neither condition holds any more), so nothing was written.
/// </summary>
internal sealed record StepWrite(bool Succeeded, string Message, JsonObject After, bool IsStale = false)
{
    public static StepWrite Ok(string message, JsonObject after) => new(true, message, after);

    public static StepWrite Fail(string message) => new(false, message, []);

    public static StepWrite Stale(string message) => new(false, message, [], IsStale: true);
}
