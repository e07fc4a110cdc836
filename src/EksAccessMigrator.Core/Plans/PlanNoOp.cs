using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>Something that was read and is already satisfied, recorded so that nothing is dropped silently (I4).</summary>
public sealed record PlanNoOp(string Address, string Reason, ImmutableArray<string> Sources);
