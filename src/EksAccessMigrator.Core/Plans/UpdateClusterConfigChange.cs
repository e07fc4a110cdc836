using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS UpdateClusterConfig with <c>accessConfig.authenticationMode</c>. Never reversible (I5).</summary>
public sealed record UpdateClusterConfigChange : PlanChange
{
    public const string ActionName = "UpdateClusterConfig";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => AuthenticationMode == Inventory.AuthenticationMode.Api ? ChangeStages.SwitchToApi : ChangeStages.EnableAccessEntries;

    /// <summary>The mode to switch to.</summary>
    public required Inventory.AuthenticationMode AuthenticationMode { get; init; }

    /// <summary>Rule M3: aws-auth must be backed up (to a file and the journal) before this change runs.</summary>
    public bool BackupAwsAuth { get; init; }
}
