namespace EksAccessMigrator.Manifests;

/// <summary>A path under a <c>--from</c> folder that was not read, and why (shown as a warning).</summary>
public sealed record SkippedInput(string Path, string Reason);
