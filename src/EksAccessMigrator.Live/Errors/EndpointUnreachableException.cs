namespace EksAccessMigrator.Live.Errors;

/// <summary>No answer from an endpoint (connection refused, DNS, TLS or timeout) after the permitted retries.</summary>
public sealed class EndpointUnreachableException : LiveScanException
{
    public EndpointUnreachableException()
    {
    }

    public EndpointUnreachableException(string message)
        : base(message)
    {
    }

    public EndpointUnreachableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal EndpointUnreachableException(ScanStep step, string service, Uri? endpoint, string message, Exception? innerException)
        : base(step, message, innerException)
    {
        Service = service;
        Endpoint = endpoint;
    }

    /// <summary>EKS, IAM, STS or Kubernetes.</summary>
    public string? Service { get; }

    /// <summary>The address that did not answer.</summary>
    public Uri? Endpoint { get; }
}
