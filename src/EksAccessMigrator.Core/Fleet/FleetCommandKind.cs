using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>Which fleet command a report is of.</summary>
[JsonConverter(typeof(WireEnumConverter<FleetCommandKind>))]
public enum FleetCommandKind
{
    [JsonStringEnumMemberName("plan")]
    Plan,

    [JsonStringEnumMemberName("apply")]
    Apply,

    [JsonStringEnumMemberName("verify")]
    Verify,
}
