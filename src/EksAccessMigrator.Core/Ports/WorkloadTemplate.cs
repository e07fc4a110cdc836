namespace EksAccessMigrator.Core.Ports;

/// <summary>What the executor reads of a workload: its resourceVersion and its pod template's identity fields.</summary>
/// <param name="ResourceVersion">The workload's resourceVersion.</param>
/// <param name="ServiceAccountName">The pod template's serviceAccountName; null when unset (the pods run as default).</param>
/// <param name="Annotations">The pod template's annotations (empty for none).</param>
public sealed record WorkloadTemplate(string? ResourceVersion, string? ServiceAccountName, IReadOnlyDictionary<string, string> Annotations);
