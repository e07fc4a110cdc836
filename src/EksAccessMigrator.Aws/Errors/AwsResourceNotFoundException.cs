namespace EksAccessMigrator.Aws.Errors;

/// <summary>The addressed resource does not exist (ResourceNotFoundException, NoSuchEntity).</summary>
public class AwsResourceNotFoundException : AwsServiceException
{
    public AwsResourceNotFoundException()
    {
    }

    public AwsResourceNotFoundException(string message)
        : base(message)
    {
    }

    public AwsResourceNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsResourceNotFoundException(AwsErrorDetails details)
        : base(details)
    {
    }
}
