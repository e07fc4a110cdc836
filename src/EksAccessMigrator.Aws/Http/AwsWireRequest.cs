namespace EksAccessMigrator.Aws.Http;

/// <summary>
/// A protocol-level request before signing. <see cref="Path"/> and <see cref="Query"/> are wire-encoded.
/// <see cref="SafeToRetry"/> is true for idempotent calls and calls carrying a client request token.
/// </summary>
public sealed record AwsWireRequest(
    string Operation,
    string Method,
    string Path,
    string Query,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    bool SafeToRetry);
