namespace EksAccessMigrator.Kubernetes;

/// <summary>A retry about to happen.</summary>
/// <param name="Operation">What was being done, e.g. <c>list pods</c>.</param>
/// <param name="Attempt">The attempt that failed (1 for the first).</param>
/// <param name="Delay">The wait before the next attempt (Retry-After when the server sent one).</param>
/// <param name="StatusCode">The HTTP status of the failure; null for a dropped connection or timeout.</param>
/// <param name="Reason">A short description of the failure.</param>
public sealed record KubernetesRetryAttempt(string Operation, int Attempt, TimeSpan Delay, int? StatusCode, string Reason);
