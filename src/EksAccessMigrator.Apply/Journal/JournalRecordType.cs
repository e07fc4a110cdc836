using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>The record type of a journal line (its <c>type</c> member), with fixed wire texts.</summary>
[JsonConverter(typeof(WireEnumConverter<JournalRecordType>))]
internal enum JournalRecordType
{
    [JsonStringEnumMemberName("header")]
    Header,

    [JsonStringEnumMemberName("intent")]
    Intent,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("skipped")]
    Skipped,

    [JsonStringEnumMemberName("rollback-started")]
    RollbackStarted,

    [JsonStringEnumMemberName("undo-intent")]
    UndoIntent,

    [JsonStringEnumMemberName("undo-done")]
    UndoDone,
}
