namespace EksAccessMigrator.Core.Planning;

/// <summary>The access-entry <c>type</c> values of the EKS API.</summary>
public static class AccessEntryTypes
{
    public const string Standard = "STANDARD";
    public const string Ec2Linux = "EC2_LINUX";
    public const string Ec2Windows = "EC2_WINDOWS";
    public const string FargateLinux = "FARGATE_LINUX";
    public const string HybridLinux = "HYBRID_LINUX";

    public static bool IsNode(string type) => type is Ec2Linux or Ec2Windows or FargateLinux or HybridLinux;
}
