using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS CreateAddon: the Pod Identity agent (rule K12).</summary>
public sealed record CreateAddonChange : PlanChange
{
    public const string ActionName = "CreateAddon";

    public const string PodIdentityAgent = "eks-pod-identity-agent";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.Addons;

    public required string AddonName { get; init; }
}
