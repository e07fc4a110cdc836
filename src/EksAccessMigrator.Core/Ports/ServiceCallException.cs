namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// A call through a port failed for a reason the caller does not handle one by one: the service refused it (after
/// the pipeline's retries) or could not be reached. The adapters' exceptions (AWS service and transport errors,
/// Kubernetes API errors) derive from it, so the executor turns any of them into a failed step without knowing the
/// adapter. The cases the executor reacts to (not found, already exists, a conflicting write, an update in progress)
/// are not exceptions: the ports return them (null, false or <see cref="WriteOutcome"/>).
/// </summary>
public abstract class ServiceCallException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ServiceCallException"/> class.</summary>
    protected ServiceCallException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ServiceCallException"/> class.</summary>
    protected ServiceCallException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ServiceCallException"/> class.</summary>
    protected ServiceCallException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
