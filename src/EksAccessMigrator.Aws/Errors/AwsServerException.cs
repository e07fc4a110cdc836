namespace EksAccessMigrator.Aws.Errors;

/// <summary>The service failed (5xx, ServerException, ServiceUnavailableException, ServiceFailure).</summary>
public class AwsServerException : AwsServiceException
{
    public AwsServerException()
    {
    }

    public AwsServerException(string message)
        : base(message)
    {
    }

    public AwsServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsServerException(AwsErrorDetails details)
        : base(details)
    {
    }
}
