namespace EksAccessMigrator.Core.Planning;

/// <summary>What each <see cref="AccessEntryType"/> means.</summary>
public static class AccessEntryTypes
{
    /// <summary>True for the node types (EKS gives them their groups; they carry no username or policies).</summary>
    public static bool IsNode(AccessEntryType type) => type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows or AccessEntryType.FargateLinux or AccessEntryType.HybridLinux;
}
