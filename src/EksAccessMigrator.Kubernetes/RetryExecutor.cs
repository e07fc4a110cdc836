using System.Net;
using System.Security.Authentication;
using EksAccessMigrator.Core.Resilience;
using k8s.Autorest;
using Polly;
using Polly.Timeout;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Runs one API call through the shared <see cref="RetryPipeline{T}"/>: 429 (honouring Retry-After), 500/502/503/504,
/// dropped connections and attempt timeouts are retried with jittered exponential backoff, within
/// <see cref="KubernetesAdapterOptions.MaxAttempts"/> and <see cref="KubernetesAdapterOptions.MaxRetryDuration"/>.
/// A 401 gets one immediate retry with a fresh token when the token comes from a provider (the pipeline's refresh
/// step). TLS trust failures and connections that cannot succeed on retry are not retried. Every failure surfaces
/// as <see cref="KubernetesApiException"/>.
/// </summary>
internal sealed class RetryExecutor
{
    private readonly KubernetesAdapterOptions _options;
    private readonly RetryPipeline<object?> _pipeline;

    public RetryExecutor(KubernetesAdapterOptions options, CachingTokenProvider? tokens)
    {
        _options = options;
        _pipeline = new RetryPipeline<object?>(new RetryPipelineOptions<object?>
        {
            Bounds = new RetryBounds
            {
                MaxAttempts = options.MaxAttempts,
                BaseDelay = options.InitialBackoff,
                MaxDelay = options.MaxBackoff,
                MaxRetryAfter = options.MaxBackoff,
                MaxTotalRetryTime = options.MaxRetryDuration,
                AttemptTimeout = options.RequestTimeout,
            },
            Classify = outcome => Verdict(outcome.Exception),
            TimeProvider = options.TimeProvider,
            Refresh = tokens is null
                ? null
                : new CredentialRefresh<object?>(
                    outcome => outcome.Exception is HttpOperationException e && ApiFailure.IsStatus(e, HttpStatusCode.Unauthorized),
                    tokens.Invalidate),
        });
    }

    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var result = await _pipeline.ExecuteAsync(
            async t => (object?)await call(t).ConfigureAwait(false),
            ct,
            notice =>
            {
                var failure = Failure(notice.Outcome.Exception);
                _options.OnRetry?.Invoke(new KubernetesRetryAttempt(
                    operation,
                    notice.Attempt,
                    notice.Delay,
                    failure?.StatusCode,
                    failure?.Reason ?? failure?.Message ?? "transient failure"));
            }).ConfigureAwait(false);
        if (result.Outcome.Exception is { } error && Failure(error) is { } failure)
        {
            throw failure.ToException(operation, result.Attempts, error is HttpOperationException or TimeoutRejectedException ? null : error);
        }

        result.Outcome.ThrowIfException();
        return (T)result.Outcome.Result!;
    }

    private RetryVerdict Verdict(Exception? error) => error switch
    {
        HttpOperationException e when ApiFailure.From(e, _options.TimeProvider.GetUtcNow()) is { IsTransient: true } failure => RetryVerdict.Retry(failure.RetryAfter),
        HttpRequestException { InnerException: AuthenticationException } => RetryVerdict.Final,
        HttpRequestException e when TransportFailures.CannotSucceedOnRetry(e) => RetryVerdict.Final,
        HttpRequestException or TimeoutRejectedException => RetryVerdict.Retry(),
        _ => RetryVerdict.Final,
    };

    /// <summary>What a failed attempt told us, in the adapter's words; null for an exception that is not the API's (a bug, or the caller's cancellation).</summary>
    private ApiFailure? Failure(Exception? error) => error switch
    {
        HttpOperationException e => ApiFailure.From(e, _options.TimeProvider.GetUtcNow()),

        // A certificate the CA data does not vouch for will not get better by retrying.
        HttpRequestException { InnerException: AuthenticationException tls } => ApiFailure.Unanswered("TLS handshake failed: " + tls.Message),
        HttpRequestException e => ApiFailure.Unanswered("connection failed: " + e.Message),
        TimeoutRejectedException => ApiFailure.Unanswered($"no answer within {_options.RequestTimeout.TotalSeconds:0.###}s"),
        _ => null,
    };
}
