using System.Net.Http.Headers;
using k8s.Authentication;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Supplies KubernetesClient with bearer tokens from a caller's provider (e.g. the EKS get-token generator),
/// reusing each token for a lifetime and fetching a fresh one when it ends or after a 401.
/// </summary>
internal sealed class CachingTokenProvider(
    Func<CancellationToken, Task<string>> provider,
    TimeSpan lifetime,
    TimeProvider time) : ITokenProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var token = Volatile.Read(ref _token);
            if (token is null || time.GetUtcNow() >= _expires)
            {
                token = await provider(cancellationToken);
                if (string.IsNullOrWhiteSpace(token))
                {
                    throw new KubernetesConfigurationException("The bearer-token provider returned an empty token.");
                }

                _expires = time.GetUtcNow() + lifetime;
                Volatile.Write(ref _token, token);
            }

            return new AuthenticationHeaderValue("Bearer", token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token so the next request asks the provider again.</summary>
    public void Invalidate() => Volatile.Write(ref _token, null);

    public void Dispose() => _gate.Dispose();
}
