using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Errors;

/// <summary>No usable response arrived (connection failure or per-request timeout) after all permitted attempts.</summary>
public sealed class AwsTransportException : ServiceCallException
{
    public AwsTransportException()
    {
    }

    public AwsTransportException(string message)
        : base(message)
    {
    }

    public AwsTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
