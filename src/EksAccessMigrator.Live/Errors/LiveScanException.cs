namespace EksAccessMigrator.Live.Errors;

/// <summary>
/// A live scan could not finish. The message says which step failed and why; it never holds credentials, session
/// tokens, bearer tokens or Authorization headers. Subclasses name the common causes.
/// </summary>
public class LiveScanException : Exception
{
    public LiveScanException()
        : this("The live scan failed.")
    {
    }

    public LiveScanException(string message)
        : this(message, null)
    {
    }

    public LiveScanException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal LiveScanException(ScanStep step, string message, Exception? innerException)
        : base(message, innerException)
    {
        Step = step;
    }

    /// <summary>The step that failed, when known.</summary>
    public ScanStep? Step { get; }
}
