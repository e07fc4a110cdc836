using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>Kubernetes: remove annotations from a ServiceAccount (cutover, rule R2: the IRSA role annotation), with their values for rollback.</summary>
public sealed record PatchServiceAccountChange : PlanChange
{
    public const string ActionName = "PatchServiceAccount";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.AnnotationRemovals;

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required ImmutableSortedDictionary<string, string> RemoveAnnotations { get; init; }
}
