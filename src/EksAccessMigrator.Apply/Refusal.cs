using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>A refusal to start, with the plan differences when the plan is stale (the CLI maps that to exit 3).</summary>
public sealed record Refusal(RefusalReason Reason, string Message, ImmutableArray<PlanDifference> Differences)
{
    internal static Refusal Of(RefusalReason reason, string message) => new(reason, message, []);
}
