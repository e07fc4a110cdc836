namespace EksAccessMigrator.Apply.Handlers;

/// <summary>What the executor reads of a workload: its resourceVersion and its pod template's identity fields.</summary>
internal sealed record WorkloadState(string? ResourceVersion, string? ServiceAccountName, IReadOnlyDictionary<string, string> Annotations);
