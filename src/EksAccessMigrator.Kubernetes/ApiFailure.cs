using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>What a failed call told us: status, Status reason and message, Retry-After. Holds no request data.</summary>
internal sealed record ApiFailure(int? StatusCode, string? Reason, string? Message, TimeSpan? RetryAfter)
{
    public bool IsTransient => StatusCode is null or 429 or 500 or 502 or 503 or 504;

    public static ApiFailure From(HttpOperationException e, DateTimeOffset now)
    {
        var response = e.Response;
        if (response is null)
        {
            return new ApiFailure(null, null, SecretRedactor.Scrub(e.Message), null);
        }

        var status = TryReadStatus(response.Content);
        var message = status?.Message;
        if (string.IsNullOrEmpty(message))
        {
            message = response.ReasonPhrase;
        }

        return new ApiFailure(
            (int)response.StatusCode,
            status?.Reason ?? response.StatusCode.ToString(),
            message is null ? null : SecretRedactor.Scrub(message),
            RetryAfterOf(response.Headers, now));
    }

    public static ApiFailure Unanswered(string description) => new(null, null, SecretRedactor.Scrub(description), null);

    public KubernetesApiException ToException(string operation, int attempts, Exception? inner) =>
        new(operation, StatusCode, Reason, Message, attempts, inner);

    private static V1Status? TryReadStatus(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(content);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now) =>
        Core.Resilience.RetryAfter.Parse(headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(), now);

    public static bool IsStatus(HttpOperationException e, HttpStatusCode code) => e.Response?.StatusCode == code;
}
