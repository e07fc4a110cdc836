namespace EksAccessMigrator.Aws.Errors;

/// <summary>What a service error response said.</summary>
public sealed record AwsErrorDetails(string Operation, int StatusCode, string ErrorCode, string Message, string? RequestId);
