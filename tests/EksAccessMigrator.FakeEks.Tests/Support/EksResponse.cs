using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeEks.Tests.Support;

/// <summary>A decoded fake EKS response.</summary>
internal sealed record EksResponse(int Status, string? ErrorType, JsonObject Body, string? RequestId)
{
    /// <summary>The error code as botocore derives it: the header value before ':'.</summary>
    public string? ErrorCode => ErrorType?.Split(':')[0];
}
