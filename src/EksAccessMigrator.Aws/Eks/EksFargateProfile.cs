namespace EksAccessMigrator.Aws.Eks;

/// <summary>The parts of the FargateProfile shape the migrator uses (the pod execution role matters).</summary>
public sealed record EksFargateProfile(
    string FargateProfileName,
    string? FargateProfileArn,
    string? ClusterName,
    string? PodExecutionRoleArn,
    string? Status,
    IReadOnlyList<EksFargateSelector>? Selectors);
