namespace EksAccessMigrator.Aws.Errors;

/// <summary>The request is not valid in the current state (InvalidRequestException, BadRequestException).</summary>
public class AwsInvalidRequestException : AwsServiceException
{
    public AwsInvalidRequestException()
    {
    }

    public AwsInvalidRequestException(string message)
        : base(message)
    {
    }

    public AwsInvalidRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsInvalidRequestException(AwsErrorDetails details)
        : base(details)
    {
    }
}
