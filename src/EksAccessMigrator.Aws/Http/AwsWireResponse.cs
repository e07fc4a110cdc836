namespace EksAccessMigrator.Aws.Http;

/// <summary>A response as received (headers with lower-case names).</summary>
public sealed record AwsWireResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    public string? RequestId => Header("x-amzn-requestid") ?? Header("x-amz-request-id");

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
