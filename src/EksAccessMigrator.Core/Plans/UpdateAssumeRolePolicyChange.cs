using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// IAM UpdateAssumeRolePolicy (rules K6, R2): statements added to (migrate) or removed from (finalize) a role's
/// trust policy. The documents before and after are carried when the current document was known; otherwise apply
/// reads the live document and adds or removes exactly these statements (by <c>Sid</c>).
/// </summary>
public sealed record UpdateAssumeRolePolicyChange : PlanChange
{
    public const string ActionName = "UpdateAssumeRolePolicy";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.TrustPolicies;

    public required string RoleArn { get; init; }

    /// <summary>The statements this change adds, as IAM JSON objects.</summary>
    public required ImmutableArray<JsonElement> StatementsAdded { get; init; }

    /// <summary>The statements this change removes, as IAM JSON objects (finalize phase).</summary>
    public required ImmutableArray<JsonElement> StatementsRemoved { get; init; }

    /// <summary>The trust policy before the change, for review and rollback; absent when it was not in the inputs.</summary>
    public JsonElement? DocumentBefore { get; init; }

    /// <summary>The full trust policy after the change; absent when the current one was not in the inputs.</summary>
    public JsonElement? DocumentAfter { get; init; }
}
