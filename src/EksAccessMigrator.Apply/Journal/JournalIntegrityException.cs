namespace EksAccessMigrator.Apply.Journal;

/// <summary>
/// A journal whose hash chain is broken (a record edited, removed, inserted or interleaved) or that has no chain:
/// apply and rollback refuse it before any write (exit 3).
/// </summary>
public sealed class JournalIntegrityException : Exception
{
    public JournalIntegrityException()
    {
    }

    public JournalIntegrityException(string message)
        : base(message)
    {
    }

    public JournalIntegrityException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
