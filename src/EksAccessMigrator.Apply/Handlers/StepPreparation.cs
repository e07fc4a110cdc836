using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// A handler's reading of one step against the change's postcondition and precondition: what it found, the state
/// before (journaled in the intent, for rollback), the calls it would make, and the write itself. The write
/// receives the state before to record, which on resume is the one journaled by the interrupted run. A stale
/// preparation's message names the object and how it differs from what the plan expects.
/// </summary>
internal sealed record StepPreparation(
    PreparationKind Kind,
    string Message,
    JsonObject Before,
    JsonObject After,
    ImmutableArray<PlannedCall> Calls,
    Func<JsonObject, CancellationToken, Task<StepWrite>>? Write)
{
    public static StepPreparation Done(string message, JsonObject after) => new(PreparationKind.AlreadyDone, message, [], after, [], null);

    public static StepPreparation Stale(string message) => new(PreparationKind.Stale, message, [], [], [], null);

    public static StepPreparation ToWrite(string message, JsonObject before, PlannedCall call, Func<JsonObject, CancellationToken, Task<StepWrite>> write) =>
        new(PreparationKind.Write, message, before, [], [call], write);
}
