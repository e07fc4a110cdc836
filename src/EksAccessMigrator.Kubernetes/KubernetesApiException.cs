using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// A Kubernetes API call failed (after retries where they apply). Carries the API's Status reason and message;
/// never credentials.
/// </summary>
public sealed class KubernetesApiException : ServiceCallException
{
    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class.</summary>
    public KubernetesApiException()
        : this("The Kubernetes API call failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class.</summary>
    public KubernetesApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class.</summary>
    public KubernetesApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    internal KubernetesApiException(string operation, int? statusCode, string? reason, string? apiMessage, int attempts, Exception? innerException)
        : base(Describe(operation, statusCode, reason, apiMessage, attempts), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Reason = reason;
        ApiMessage = apiMessage;
        Attempts = attempts;
    }

    /// <summary>Gets what was being done, e.g. <c>list pods</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets the HTTP status; null when no answer arrived (connection failure, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>Gets the Status reason (e.g. <c>Forbidden</c>, <c>Expired</c>), when known.</summary>
    public string? Reason { get; }

    /// <summary>Gets the Status message, when known.</summary>
    public string? ApiMessage { get; }

    /// <summary>Gets the number of attempts made.</summary>
    public int Attempts { get; }

    private static string Describe(string operation, int? statusCode, string? reason, string? apiMessage, int attempts)
    {
        var status = statusCode is null ? "no answer" : $"HTTP {statusCode}{(reason is null ? string.Empty : " " + reason)}";
        var detail = string.IsNullOrEmpty(apiMessage) ? string.Empty : ": " + apiMessage;
        var tries = attempts > 1 ? $" (after {attempts} attempts)" : string.Empty;
        return SecretRedactor.Scrub($"Kubernetes API {operation} failed with {status}{detail}{tries}");
    }
}
