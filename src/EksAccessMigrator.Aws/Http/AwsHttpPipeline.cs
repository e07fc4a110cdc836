using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Aws.Http;

/// <summary>
/// Signs and sends requests with a client-side rate limit, a per-request timeout and bounded retries
/// (jittered exponential backoff, Retry-After honoured). Transport failures are retried only when the
/// request is safe to repeat; throttling and 5xx answers are always retried within the bounds.
/// </summary>
public sealed class AwsHttpPipeline : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsClientSettings _settings;
    private readonly IAwsWireLog? _log;
    private readonly TimeProvider _time;

    public AwsHttpPipeline(
        AwsEndpoint endpoint,
        IAwsCredentialSource credentials,
        AwsClientSettings settings,
        AwsPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(settings);
        Endpoint = endpoint;
        _credentials = credentials;
        _settings = settings;
        _log = options?.Log;
        _time = options?.TimeProvider ?? TimeProvider.System;
        RateLimiter = options?.RateLimiter ?? new TokenBucket(settings.RequestsPerSecond, settings.Burst, _time);
        if (options?.HttpClient is { } client)
        {
            _http = client;
        }
        else
        {
            _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _ownsHttp = true;
        }
    }

    public AwsEndpoint Endpoint { get; }

    public TokenBucket RateLimiter { get; }

    public async Task<AwsWireResponse> SendAsync(
        AwsWireRequest request,
        Func<AwsWireResponse, AwsErrorDetails> parseError,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parseError);
        var retry = _settings.Retry;
        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            await RateLimiter.AcquireAsync(cancellationToken);
            var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
            var signed = AwsRequestSigner.Sign(request, Endpoint, credentials, _time.GetUtcNow());
            var attemptStart = _time.GetTimestamp();
            var outcome = await SendOnceAsync(signed, cancellationToken);
            var duration = _time.GetElapsedTime(attemptStart);
            if (outcome.Response is { IsSuccess: true } ok)
            {
                Log(request, signed, attempt, ok, duration, null, null);
                return ok;
            }

            Exception failure;
            bool retryable;
            TimeSpan? retryAfter = null;
            if (outcome.Response is { } errorResponse)
            {
                var error = AwsErrorMapper.Create(parseError(errorResponse));
                failure = error;
                retryable = error is AwsThrottlingException or AwsServerException;
                retryAfter = ParseRetryAfter(errorResponse.Header("retry-after"), _time.GetUtcNow());
            }
            else
            {
                failure = new AwsTransportException($"{request.Operation} failed after {attempt} attempt(s): {outcome.TransportError}", outcome.Exception);
                retryable = request.SafeToRetry && !Core.Resilience.TransportFailures.CannotSucceedOnRetry(outcome.Exception);
            }

            var delay = retryable && attempt < retry.MaxAttempts ? NextDelay(attempt, retryAfter, retry) : (TimeSpan?)null;
            if (delay is { } d && _time.GetElapsedTime(started) + d > retry.MaxTotalRetryTime)
            {
                delay = null;
            }

            Log(request, signed, attempt, outcome.Response, duration, outcome.TransportError ?? (failure as AwsServiceException)?.ErrorCode, delay);
            if (delay is null)
            {
                throw failure;
            }

            await Task.Delay(delay.Value, _time, cancellationToken);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static TimeSpan NextDelay(int attempt, TimeSpan? retryAfter, AwsRetryOptions retry)
    {
        if (retryAfter is { } ra)
        {
            return ra > retry.MaxRetryAfter ? retry.MaxRetryAfter : ra;
        }

        var ceiling = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // Backoff jitter is not security sensitive.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    /// <summary>Retry-After as seconds or as an HTTP date, measured from <paramref name="now"/> (the pipeline's clock).</summary>
    internal static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - now) is var gap && gap > TimeSpan.Zero ? gap : TimeSpan.Zero
            : null;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every transport failure becomes an AwsTransportException.")]
    private async Task<AttemptOutcome> SendOnceAsync(AwsSignedRequest signed, CancellationToken cancellationToken)
    {
        using var message = ToMessage(signed);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name.ToLowerInvariant()] = string.Join(",", values);
            }

            return new AttemptOutcome(new AwsWireResponse((int)response.StatusCode, headers, body), null, null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, $"no response within {_settings.RequestTimeout.TotalSeconds:0.###}s", ex);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(null, WireRedactor.RedactText(ex.Message), ex);
        }
        catch (IOException ex)
        {
            return new AttemptOutcome(null, WireRedactor.RedactText(ex.Message), ex);
        }
    }

    private static HttpRequestMessage ToMessage(AwsSignedRequest signed)
    {
        var message = new HttpRequestMessage(new HttpMethod(signed.Method), signed.Url);
        var content = new ReadOnlyMemoryContent(signed.Body);
        foreach (var header in signed.Headers)
        {
            if (header.Name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(header.Value);
                continue;
            }

            message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        message.Headers.UserAgent.ParseAdd("eks-access-migrator/0.1");
        if (signed.Body.Length > 0 || signed.Method is "POST" or "PUT" or "DELETE")
        {
            message.Content = content;
        }
        else
        {
            content.Dispose();
        }

        return message;
    }

    private void Log(AwsWireRequest request, AwsSignedRequest signed, int attempt, AwsWireResponse? response, TimeSpan duration, string? error, TimeSpan? retryDelay)
    {
        if (_log is null)
        {
            return;
        }

        var requestHeaders = signed.Headers
            .Select(h => new KeyValuePair<string, string>(h.Name, WireRedactor.RedactHeader(h.Name, h.Value)))
            .ToList();
        var responseHeaders = response?.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key, WireRedactor.RedactHeader(h.Key, h.Value)))
            .ToList() ?? [];
        _log.Log(new AwsWireLogEntry(
            request.Operation,
            attempt,
            signed.Method,
            WireRedactor.RedactUrl(signed.Url.AbsoluteUri),
            response?.StatusCode,
            duration,
            requestHeaders,
            responseHeaders,
            error is null ? null : WireRedactor.RedactText(error),
            retryDelay));
    }

    private sealed record AttemptOutcome(AwsWireResponse? Response, string? TransportError, Exception? Exception);
}
