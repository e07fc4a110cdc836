using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>The product's main artifact: a reviewable, versioned, deterministic set of changes and findings.</summary>
public sealed record MigrationPlan
{
    /// <summary>The plan-file format this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    public required string ToolVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Planning.PlanPhase Phase { get; init; }

    /// <summary>The options the plan was made with (to derive it again for apply and verify).</summary>
    public required PlanOptionsRecord Options { get; init; }

    public required PlanCluster Cluster { get; init; }

    public required PlanSummary Summary { get; init; }

    public required ImmutableArray<PlanChange> Changes { get; init; }

    public required ImmutableArray<PlanNoOp> NoOps { get; init; }

    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>
    /// The SHA-256 of each aws-auth mapping section as read (<see cref="Plans.AwsAuthRead"/>); null when no aws-auth
    /// was read. Apply checks it before every change made from aws-auth rows.
    /// </summary>
    public ImmutableSortedDictionary<string, string>? AwsAuthRead { get; init; }

    /// <summary>The node roles' posture (rules N1-N3), by role ARN; null when no IAM data about their policies was read.</summary>
    public ImmutableArray<PlanNodeRole>? NodeRoles { get; init; }

    [JsonIgnore]
    public bool HasBlockers => Findings.Any(f => f.Severity == Severity.Blocker);
}
