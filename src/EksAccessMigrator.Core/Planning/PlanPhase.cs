using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>The phases of a migration (migration-rules.md, "Phases"); the wire texts are fixed.</summary>
[JsonConverter(typeof(WireEnumConverter<PlanPhase>))]
public enum PlanPhase
{
    [JsonStringEnumMemberName("migrate")]
    Migrate,

    [JsonStringEnumMemberName("cutover")]
    Cutover,

    [JsonStringEnumMemberName("finalize")]
    Finalize,
}
