using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// IAM DeleteRolePolicy (rule N2, finalize): a node role's (or the kiam server role's) inline policy that grants
/// nothing but an assume-anything permission is deleted. Apply deletes only while the live document is
/// <see cref="DocumentBefore"/>; rollback puts it back under the same name.
/// </summary>
public sealed record DeleteRolePolicyChange : PlanChange
{
    public const string ActionName = "DeleteRolePolicy";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.NodeRolePolicies;

    public required string RoleArn { get; init; }

    public required string PolicyName { get; init; }

    /// <summary>The inline policy as read (the precondition, and what rollback restores).</summary>
    public required JsonElement DocumentBefore { get; init; }
}
