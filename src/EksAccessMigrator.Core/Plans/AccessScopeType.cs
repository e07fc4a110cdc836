using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>The <c>accessScope.type</c> of an access-policy association, with the EKS API's wire texts.</summary>
[JsonConverter(typeof(WireEnumConverter<AccessScopeType>))]
public enum AccessScopeType
{
    [JsonStringEnumMemberName("cluster")]
    Cluster,

    [JsonStringEnumMemberName("namespace")]
    Namespace,
}
