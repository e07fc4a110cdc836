namespace EksAccessMigrator.Aws.Errors;

/// <summary>A service quota was hit (LimitExceeded, ResourceLimitExceededException).</summary>
public class AwsLimitExceededException : AwsServiceException
{
    public AwsLimitExceededException()
    {
    }

    public AwsLimitExceededException(string message)
        : base(message)
    {
    }

    public AwsLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsLimitExceededException(AwsErrorDetails details)
        : base(details)
    {
    }
}
