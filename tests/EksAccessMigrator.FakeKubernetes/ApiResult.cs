using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>An HTTP answer of the fake API server: a status code and a JSON body.</summary>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="Body">JSON body (an object or a Status).</param>
public sealed record ApiResult(int StatusCode, JsonObject Body)
{
    /// <summary>Gets a value indicating whether the answer is a 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>A 200 answer carrying <paramref name="body"/>.</summary>
    public static ApiResult Ok(JsonObject body) => new(200, body);
}
