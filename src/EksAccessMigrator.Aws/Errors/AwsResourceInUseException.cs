namespace EksAccessMigrator.Aws.Errors;

/// <summary>The resource exists already or is in use (ResourceInUseException, EntityAlreadyExists, DeleteConflict).</summary>
public class AwsResourceInUseException : AwsServiceException
{
    public AwsResourceInUseException()
    {
    }

    public AwsResourceInUseException(string message)
        : base(message)
    {
    }

    public AwsResourceInUseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsResourceInUseException(AwsErrorDetails details)
        : base(details)
    {
    }
}
