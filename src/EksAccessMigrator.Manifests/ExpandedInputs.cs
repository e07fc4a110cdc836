namespace EksAccessMigrator.Manifests;

/// <summary>The files <c>--from</c> names, sorted by what they hold, and what was passed over.</summary>
public sealed record ExpandedInputs(
    IReadOnlyList<string> Manifests,
    IReadOnlyList<string> IamSnapshots,
    IReadOnlyList<string> AccessEntries,
    IReadOnlyList<SkippedInput> Skipped);
