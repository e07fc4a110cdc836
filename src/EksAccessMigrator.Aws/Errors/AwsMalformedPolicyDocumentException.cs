namespace EksAccessMigrator.Aws.Errors;

/// <summary>IAM rejected a policy document (MalformedPolicyDocument).</summary>
public sealed class AwsMalformedPolicyDocumentException : AwsInvalidParameterException
{
    public AwsMalformedPolicyDocumentException()
    {
    }

    public AwsMalformedPolicyDocumentException(string message)
        : base(message)
    {
    }

    public AwsMalformedPolicyDocumentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AwsMalformedPolicyDocumentException(AwsErrorDetails details)
        : base(details)
    {
    }
}
