using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>The result of a step's write: success with what it left (for rollback), or a failure message.</summary>
internal sealed record StepWrite(bool Succeeded, string Message, JsonObject After)
{
    public static StepWrite Ok(string message, JsonObject after) => new(true, message, after);

    public static StepWrite Fail(string message) => new(false, message, []);
}
