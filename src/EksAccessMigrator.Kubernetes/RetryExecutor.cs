using System.Net;
using System.Security.Authentication;
using k8s.Autorest;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Runs one API call with bounded retries: 429 (honouring Retry-After), 500/502/503/504, dropped connections and
/// request timeouts are retried with exponential backoff, within <see cref="KubernetesAdapterOptions.MaxAttempts"/>
/// and <see cref="KubernetesAdapterOptions.MaxRetryDuration"/>. A 401 gets one retry with a fresh token when the
/// token comes from a provider. TLS trust failures are not retried. Every failure surfaces as
/// <see cref="KubernetesApiException"/>.
/// </summary>
internal sealed class RetryExecutor(KubernetesAdapterOptions options, CachingTokenProvider? tokens)
{
    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            ApiFailure failure;
            Exception? inner = null;
            try
            {
                return await call(ct);
            }
            catch (HttpOperationException e) when (ApiFailure.IsStatus(e, HttpStatusCode.Unauthorized) && tokens is not null && !refreshedToken)
            {
                refreshedToken = true;
                tokens.Invalidate();
                attempt--;
                continue;
            }
            catch (HttpOperationException e)
            {
                failure = ApiFailure.From(e, time.GetUtcNow());
                if (!failure.IsTransient)
                {
                    throw failure.ToException(operation, attempt, null);
                }
            }
            catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
            {
                // A certificate the CA data does not vouch for will not get better by retrying.
                throw ApiFailure.Unanswered("TLS handshake failed: " + e.InnerException.Message).ToException(operation, attempt, e);
            }
            catch (HttpRequestException e) when (Core.Resilience.TransportFailures.CannotSucceedOnRetry(e))
            {
                throw ApiFailure.Unanswered("connection failed: " + e.Message).ToException(operation, attempt, e);
            }
            catch (HttpRequestException e)
            {
                failure = ApiFailure.Unanswered("connection failed: " + e.Message);
                inner = e;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = ApiFailure.Unanswered($"no answer within {options.RequestTimeout.TotalSeconds:0.###}s");
            }

            var delay = Delay(attempt, failure.RetryAfter);
            var elapsed = time.GetElapsedTime(started);
            if (attempt >= options.MaxAttempts || elapsed + delay > options.MaxRetryDuration)
            {
                throw failure.ToException(operation, attempt, inner);
            }

            options.OnRetry?.Invoke(new KubernetesRetryAttempt(
                operation,
                attempt,
                delay,
                failure.StatusCode,
                failure.Reason ?? failure.Message ?? "transient failure"));
            await Task.Delay(delay, time, ct);
        }
    }

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = retryAfter ?? options.InitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 16));
        return backoff > options.MaxBackoff ? options.MaxBackoff : backoff;
    }
}
