namespace EksAccessMigrator.Apply.Journal;

/// <summary>The record types of a journal line.</summary>
internal static class JournalRecords
{
    public const string Header = "header";
    public const string Intent = "intent";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string RollbackStarted = "rollback-started";
    public const string UndoIntent = "undo-intent";
    public const string UndoDone = "undo-done";
}
