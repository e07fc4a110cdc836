namespace EksAccessMigrator.Aws.Signing;

/// <summary>
/// A request to sign. <see cref="Path"/> and <see cref="Query"/> are exactly as they appear on the wire
/// (already percent-encoded where needed, query without the leading '?').
/// </summary>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<SigV4Header> Headers,
    ReadOnlyMemory<byte> Body);
