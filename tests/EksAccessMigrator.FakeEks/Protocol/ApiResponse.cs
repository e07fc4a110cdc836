using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>The outcome of one operation: a status code, a JSON body and, for errors, the error type.</summary>
internal sealed record ApiResponse(int StatusCode, JsonObject Body, string? ErrorType)
{
    public bool IsSuccess => ErrorType is null;

    public static ApiResponse Ok(JsonObject body) => new(200, body, null);

    public static ApiResponse Error(int statusCode, string errorType, string message, string? clusterName = null)
    {
        var body = new JsonObject { ["message"] = message };
        if (clusterName is not null)
        {
            body["clusterName"] = clusterName;
        }

        return new ApiResponse(statusCode, body, errorType);
    }
}
