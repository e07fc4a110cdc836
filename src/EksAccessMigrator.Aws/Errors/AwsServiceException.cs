using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Errors;

/// <summary>An AWS service answered with an error. Carries no credentials or request bodies.</summary>
public class AwsServiceException : ServiceCallException
{
    public AwsServiceException()
        : this("AWS service error.")
    {
    }

    public AwsServiceException(string message)
        : this(message, null)
    {
    }

    public AwsServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        ErrorCode = string.Empty;
        ServiceMessage = message;
    }

    public AwsServiceException(AwsErrorDetails details)
        : base(Format(details))
    {
        ArgumentNullException.ThrowIfNull(details);
        Operation = details.Operation;
        StatusCode = details.StatusCode;
        ErrorCode = details.ErrorCode;
        ServiceMessage = details.Message;
        RequestId = details.RequestId;
    }

    public string Operation { get; }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public string ServiceMessage { get; }

    public string? RequestId { get; }

    private static string Format(AwsErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var requestId = details.RequestId is null ? string.Empty : $", request id {details.RequestId}";
        return $"{details.Operation} failed: {details.ErrorCode} (HTTP {details.StatusCode}{requestId}): {details.Message}";
    }
}
