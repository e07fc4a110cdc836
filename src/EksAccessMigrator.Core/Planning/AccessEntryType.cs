using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>The access-entry <c>type</c> of the EKS API, with its wire texts.</summary>
[JsonConverter(typeof(WireEnumConverter<AccessEntryType>))]
public enum AccessEntryType
{
    [JsonStringEnumMemberName("STANDARD")]
    Standard,

    [JsonStringEnumMemberName("EC2_LINUX")]
    Ec2Linux,

    [JsonStringEnumMemberName("EC2_WINDOWS")]
    Ec2Windows,

    [JsonStringEnumMemberName("FARGATE_LINUX")]
    FargateLinux,

    [JsonStringEnumMemberName("HYBRID_LINUX")]
    HybridLinux,
}
