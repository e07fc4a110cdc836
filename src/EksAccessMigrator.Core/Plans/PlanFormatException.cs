namespace EksAccessMigrator.Core.Plans;

/// <summary>A plan file that cannot be used: unreadable JSON, an unknown format version, or inconsistent content.</summary>
public sealed class PlanFormatException : Exception
{
    public PlanFormatException()
    {
    }

    public PlanFormatException(string message)
        : base(message)
    {
    }

    public PlanFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the plan is of a format version this build does not read (apply refuses it as stale).</summary>
    public bool UnsupportedVersion { get; init; }
}
