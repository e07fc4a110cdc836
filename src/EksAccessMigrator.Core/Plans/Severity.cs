using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>How much a finding matters; see migration-rules.md, "Findings". The wire texts are fixed.</summary>
[JsonConverter(typeof(WireEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>The subject cannot be migrated as asked; it stays on its old mechanism.</summary>
    [JsonStringEnumMemberName("blocker")]
    Blocker,

    /// <summary>Migrated, but behaviour changes or was assumed: a reviewer must read it.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Context.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
