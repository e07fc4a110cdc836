using System.Collections.Immutable;

namespace EksAccessMigrator.Apply;

/// <summary>The outcome of one plan step.</summary>
/// <param name="Index">Position in the plan's execution order (0-based).</param>
/// <param name="Address">The change's address.</param>
/// <param name="Action">The change's API operation.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Elapsed">Time spent on the step.</param>
/// <param name="Calls">The write calls made (or, in a dry run, that would be made).</param>
public sealed record StepOutcome(int Index, string Address, string Action, StepStatus Status, string Message, TimeSpan Elapsed, ImmutableArray<PlannedCall> Calls);
