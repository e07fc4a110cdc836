using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// IAM PutRolePolicy (rule N2, finalize): a node role's (or the kiam server role's) inline policy written again without
/// its assume-anything statements, its other statements kept. Apply writes only while the live document is
/// <see cref="DocumentBefore"/>; rollback puts that document back.
/// </summary>
public sealed record PutRolePolicyChange : PlanChange
{
    public const string ActionName = "PutRolePolicy";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.NodeRolePolicies;

    public required string RoleArn { get; init; }

    public required string PolicyName { get; init; }

    /// <summary>The statements taken out, as IAM JSON objects.</summary>
    public required ImmutableArray<JsonElement> StatementsRemoved { get; init; }

    /// <summary>The inline policy as read (the precondition, and what rollback restores).</summary>
    public required JsonElement DocumentBefore { get; init; }

    /// <summary>The inline policy after the change (the postcondition).</summary>
    public required JsonElement DocumentAfter { get; init; }
}
