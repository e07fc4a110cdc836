namespace EksAccessMigrator.Aws.Errors;

/// <summary>A parameter was rejected (InvalidParameterException, InvalidInput, ValidationError).</summary>
public class AwsInvalidParameterException : AwsServiceException
{
    public AwsInvalidParameterException()
    {
    }

    public AwsInvalidParameterException(string message)
        : base(message)
    {
    }

    public AwsInvalidParameterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsInvalidParameterException(AwsErrorDetails details)
        : base(details)
    {
    }
}
