using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>Kubernetes: create a dedicated ServiceAccount for one workload (rule K5).</summary>
public sealed record CreateServiceAccountChange : PlanChange
{
    public const string ActionName = "CreateServiceAccount";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.ServiceAccounts;

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The ServiceAccount it was copied from (the workload's old one).</summary>
    public required string CopiedFrom { get; init; }

    /// <summary>Copied from the old ServiceAccount.</summary>
    public required ImmutableArray<string> ImagePullSecrets { get; init; }

    /// <summary>Copied from the old ServiceAccount; absent when it did not set it.</summary>
    public bool? AutomountServiceAccountToken { get; init; }

    /// <summary>The workload it is made for, <c>namespace/Kind/name</c>.</summary>
    public required string ForWorkload { get; init; }
}
