using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// The refresh step: when an attempt is rejected for its credentials (a Kubernetes 401 with an expired EKS token),
/// <see cref="Refresh"/> drops the cached credentials and the call is repeated once at once, within the same
/// attempt; a second rejection goes to the retry step, which does not retry it.
/// </summary>
public sealed record CredentialRefresh<T>(Func<Outcome<T>, bool> IsRejected, Action Refresh);
