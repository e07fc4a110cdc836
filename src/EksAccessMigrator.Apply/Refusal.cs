using System.Collections.Immutable;

namespace EksAccessMigrator.Apply;

/// <summary>A refusal to start, with the stale changes when the plan is stale (the CLI maps that to exit 3).</summary>
public sealed record Refusal(RefusalReason Reason, string Message, ImmutableArray<StaleChange> Stale)
{
    internal static Refusal Of(RefusalReason reason, string message) => new(reason, message, []);
}
