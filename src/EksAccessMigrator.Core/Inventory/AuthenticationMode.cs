using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// An EKS cluster's <c>accessConfig.authenticationMode</c>, with the API's wire texts. Modes only move forward:
/// CONFIG_MAP, then API_AND_CONFIG_MAP, then API (the declaration order).
/// </summary>
[JsonConverter(typeof(WireEnumConverter<AuthenticationMode>))]
public enum AuthenticationMode
{
    [JsonStringEnumMemberName("CONFIG_MAP")]
    ConfigMap,

    [JsonStringEnumMemberName("API_AND_CONFIG_MAP")]
    ApiAndConfigMap,

    [JsonStringEnumMemberName("API")]
    Api,
}
