using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>What a fleet run did with one cluster; the wire texts are fixed (<c>report.json</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<FleetStatus>))]
public enum FleetStatus
{
    /// <summary><c>fleet plan</c>: the plan file was written and has no blockers; <c>fleet apply --dry-run</c>: every check passed, nothing written.</summary>
    [JsonStringEnumMemberName("planned")]
    Planned,

    /// <summary><c>fleet apply</c>: the reviewed plan was applied (or every change was already in effect).</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary><c>fleet verify</c>: every subject of the reviewed plan is ok.</summary>
    [JsonStringEnumMemberName("verified")]
    Verified,

    /// <summary>The cluster's run stopped with an error, a refusal or, for verify, subjects that are not ok.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary><c>fleet plan</c>: the plan was written but has blockers to resolve before it is applied.</summary>
    [JsonStringEnumMemberName("blocked")]
    Blocked,

    /// <summary>Left out by <c>--only</c> or <c>--exclude</c>: nothing was read or written.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
