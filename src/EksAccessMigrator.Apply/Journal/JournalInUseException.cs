namespace EksAccessMigrator.Apply.Journal;

/// <summary>Another process holds the journal's exclusive lock (an apply or rollback is running on it).</summary>
public sealed class JournalInUseException : IOException
{
    public JournalInUseException()
    {
    }

    public JournalInUseException(string message)
        : base(message)
    {
    }

    public JournalInUseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
