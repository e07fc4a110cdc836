namespace EksAccessMigrator.Aws.Errors;

/// <summary>The caller is not allowed or not authenticated (AccessDenied, ExpiredToken, InvalidClientTokenId, ...).</summary>
public class AwsAccessDeniedException : AwsServiceException
{
    public AwsAccessDeniedException()
    {
    }

    public AwsAccessDeniedException(string message)
        : base(message)
    {
    }

    public AwsAccessDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsAccessDeniedException(AwsErrorDetails details)
        : base(details)
    {
    }
}
