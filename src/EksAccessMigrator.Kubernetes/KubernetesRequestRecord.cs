namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// One HTTP request to the API server, for a debug log: method, URL, status (null when no response came) and
/// duration. Headers and bodies are never recorded, so no bearer token or object content reaches the log.
/// </summary>
public sealed record KubernetesRequestRecord(string Method, string Url, int? StatusCode, TimeSpan Duration, string? Error);
