namespace EksAccessMigrator.Aws.Errors;

/// <summary>The service throttled the caller (ThrottlingException, Throttling, TooManyRequestsException).</summary>
public class AwsThrottlingException : AwsServiceException
{
    public AwsThrottlingException()
    {
    }

    public AwsThrottlingException(string message)
        : base(message)
    {
    }

    public AwsThrottlingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsThrottlingException(AwsErrorDetails details)
        : base(details)
    {
    }
}
