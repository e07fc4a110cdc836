using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// One change a plan makes, named after the API operation that performs it. The set is closed: every kind
/// is declared in this assembly and listed here, so the executor and the views can handle each one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(UpdateClusterConfigChange), UpdateClusterConfigChange.ActionName)]
[JsonDerivedType(typeof(CreateAccessEntryChange), CreateAccessEntryChange.ActionName)]
[JsonDerivedType(typeof(AssociateAccessPolicyChange), AssociateAccessPolicyChange.ActionName)]
[JsonDerivedType(typeof(CreateAddonChange), CreateAddonChange.ActionName)]
[JsonDerivedType(typeof(UpdateAssumeRolePolicyChange), UpdateAssumeRolePolicyChange.ActionName)]
[JsonDerivedType(typeof(CreateServiceAccountChange), CreateServiceAccountChange.ActionName)]
[JsonDerivedType(typeof(CreatePodIdentityAssociationChange), CreatePodIdentityAssociationChange.ActionName)]
[JsonDerivedType(typeof(PatchWorkloadChange), PatchWorkloadChange.ActionName)]
[JsonDerivedType(typeof(PatchServiceAccountChange), PatchServiceAccountChange.ActionName)]
[JsonDerivedType(typeof(RestartWorkloadChange), RestartWorkloadChange.ActionName)]
[JsonDerivedType(typeof(ReplaceConfigMapChange), ReplaceConfigMapChange.ActionName)]
[JsonDerivedType(typeof(PutRolePolicyChange), PutRolePolicyChange.ActionName)]
[JsonDerivedType(typeof(DeleteRolePolicyChange), DeleteRolePolicyChange.ActionName)]
public abstract record PlanChange
{
    private protected PlanChange()
    {
    }

    /// <summary>The API operation, e.g. <c>CreateAccessEntry</c>.</summary>
    [JsonIgnore]
    public abstract string Action { get; }

    /// <summary>
    /// The execution stage: changes run stage by stage (the mode change first, entries before their
    /// policies, the switch to API last), and within a stage in address order.
    /// </summary>
    [JsonIgnore]
    public abstract int Stage { get; }

    /// <summary>A stable, unique name for the change, e.g. <c>access-entry/arn:aws:iam::111122223333:role/admin</c>.</summary>
    [JsonPropertyOrder(-1)]
    public required string Address { get; init; }

    /// <summary>Whether rollback can undo this change (I5).</summary>
    [JsonPropertyOrder(100)]
    public required bool Reversible { get; init; }

    /// <summary>Where in the input it came from, e.g. <c>aws-auth/mapRoles[3]</c>.</summary>
    [JsonPropertyOrder(101)]
    public required ImmutableArray<string> Sources { get; init; }
}
