using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// Kubernetes ReplaceNamespacedConfigMap of <c>kube-system/aws-auth</c> in the finalize phase: the rows whose
/// principals are fully migrated are removed, every other byte kept. aws-auth is backed up first (to a file and the
/// journal); the write carries <see cref="ResourceVersion"/> so a concurrent edit is merged or stops the run,
/// never overwritten.
/// </summary>
public sealed record ReplaceConfigMapChange : PlanChange
{
    public const string ActionName = "ReplaceConfigMap";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.AwsAuthCleanup;

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The resourceVersion read when planning; null offline.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Back the ConfigMap up (file and journal) before replacing it (rule M3).</summary>
    public required bool BackupFirst { get; init; }

    /// <summary>The rows removed.</summary>
    public required ImmutableArray<RemovedAwsAuthEntry> RemovedEntries { get; init; }

    /// <summary>The changed data keys before the change, as read.</summary>
    public required ImmutableSortedDictionary<string, string> PreviousData { get; init; }

    /// <summary>The changed data keys after the change.</summary>
    public required ImmutableSortedDictionary<string, string> Data { get; init; }
}
