using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Core.Resilience;

namespace EksAccessMigrator.Aws.Http;

/// <summary>
/// Signs and sends requests (EKS, IAM, STS) through the shared <see cref="RetryPipeline{T}"/>: the adaptive
/// client-side rate limit (none until the service throttles; shared by every call of this client, or by several
/// clients through <see cref="AwsPipelineOptions.RateLimiter"/>), a per-attempt timeout and bounded retries (jittered exponential backoff, Retry-After honoured, a total
/// budget). Transport failures are retried only when the request is safe to repeat and could succeed on retry;
/// throttling and 5xx answers are always retried within the bounds. Every attempt reaches the wire log.
/// </summary>
public sealed class AwsHttpPipeline : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsClientSettings _settings;
    private readonly IAwsWireLog? _log;
    private readonly TimeProvider _time;
    private readonly RetryPipeline<AttemptOutcome> _retry;

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
        RateLimiter = options?.RateLimiter ?? new AdaptiveRateLimiter(_time);
        _retry = new RetryPipeline<AttemptOutcome>(new RetryPipelineOptions<AttemptOutcome>
        {
            Bounds = settings.Retry.Bounds(settings.RequestTimeout),
            Classify = outcome => outcome.Result is { } attempt ? Verdict(attempt) : RetryVerdict.Final,
            IsSuccess = attempt => attempt.Response is { IsSuccess: true },
            TimeProvider = _time,
            RateLimiter = RateLimiter,
            IsThrottled = outcome => outcome.Result is { Failure: AwsThrottlingException },
            OnRetry = notice => Log(notice.Outcome.Result!, notice.Delay),
        });
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

    /// <summary>The client-side rate limit this client's calls are admitted by.</summary>
    public AdaptiveRateLimiter RateLimiter { get; }

    public async Task<AwsWireResponse> SendAsync(
        AwsWireRequest request,
        Func<AwsWireResponse, AwsErrorDetails> parseError,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parseError);
        var attempts = 0;
        var result = await _retry.ExecuteAsync(
            async attemptToken =>
            {
                var attempt = Interlocked.Increment(ref attempts);
                var credentials = await _credentials.GetCredentialsAsync(attemptToken);
                var signed = AwsRequestSigner.Sign(request, Endpoint, credentials, _time.GetUtcNow());
                var attemptStart = _time.GetTimestamp();
                var outcome = await SendOnceAsync(signed, attemptToken, cancellationToken);
                return Classified(outcome with { Request = request, Signed = signed, Attempt = attempt, Duration = _time.GetElapsedTime(attemptStart) }, parseError);
            },
            cancellationToken);
        result.Outcome.ThrowIfException();
        var last = result.Outcome.Result!;
        Log(last, null);
        if (last.Response is { IsSuccess: true } ok)
        {
            return ok;
        }

        throw last.Failure!;
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Throttling and 5xx answers are retried; a transport failure only when the request is safe to repeat and could succeed on retry.</summary>
    private static RetryVerdict Verdict(AttemptOutcome outcome) => outcome switch
    {
        { Failure: AwsThrottlingException or AwsServerException } => RetryVerdict.Retry(outcome.RetryAfter),
        { Response: null } when outcome.Request!.SafeToRetry && !TransportFailures.CannotSucceedOnRetry(outcome.Exception) => RetryVerdict.Retry(),
        _ => RetryVerdict.Final,
    };

    private AttemptOutcome Classified(AttemptOutcome outcome, Func<AwsWireResponse, AwsErrorDetails> parseError)
    {
        if (outcome.Response is { IsSuccess: true })
        {
            return outcome;
        }

        if (outcome.Response is { } errorResponse)
        {
            return outcome with
            {
                Failure = AwsErrorMapper.Create(parseError(errorResponse)),
                RetryAfter = RetryAfter.Parse(errorResponse.Header("retry-after"), _time.GetUtcNow()),
            };
        }

        return outcome with
        {
            Failure = new AwsTransportException($"{outcome.Request!.Operation} failed after {outcome.Attempt} attempt(s): {outcome.TransportError}", outcome.Exception),
        };
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every transport failure becomes an AwsTransportException.")]
    private async Task<AttemptOutcome> SendOnceAsync(AwsSignedRequest signed, CancellationToken attemptToken, CancellationToken cancellationToken)
    {
        using var message = ToMessage(signed);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptToken);
            var body = await response.Content.ReadAsByteArrayAsync(attemptToken);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name.ToLowerInvariant()] = string.Join(",", values);
            }

            return new AttemptOutcome { Response = new AwsWireResponse((int)response.StatusCode, headers, body) };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome { TransportError = $"no response within {_settings.RequestTimeout.TotalSeconds:0.###}s", Exception = ex };
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome { TransportError = WireRedactor.RedactText(ex.Message), Exception = ex };
        }
        catch (IOException ex)
        {
            return new AttemptOutcome { TransportError = WireRedactor.RedactText(ex.Message), Exception = ex };
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

    private void Log(AttemptOutcome attempt, TimeSpan? retryDelay)
    {
        if (_log is null)
        {
            return;
        }

        var signed = attempt.Signed!;
        var response = attempt.Response;
        var error = attempt.TransportError ?? (attempt.Failure as AwsServiceException)?.ErrorCode;
        var requestHeaders = signed.Headers
            .Select(h => new KeyValuePair<string, string>(h.Name, WireRedactor.RedactHeader(h.Name, h.Value)))
            .ToList();
        var responseHeaders = response?.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key, WireRedactor.RedactHeader(h.Key, h.Value)))
            .ToList() ?? [];
        _log.Log(new AwsWireLogEntry(
            attempt.Request!.Operation,
            attempt.Attempt,
            signed.Method,
            WireRedactor.RedactUrl(signed.Url.AbsoluteUri),
            response?.StatusCode,
            attempt.Duration,
            requestHeaders,
            responseHeaders,
            error is null ? null : WireRedactor.RedactText(error),
            retryDelay)
        {
            ClientRateLimit = RateLimiter.Rate,
        });
    }

    /// <summary>One attempt: the answer or the transport failure, and what it means.</summary>
    private sealed record AttemptOutcome
    {
        public AwsWireResponse? Response { get; init; }

        public string? TransportError { get; init; }

        public Exception? Exception { get; init; }

        public AwsWireRequest? Request { get; init; }

        public AwsSignedRequest? Signed { get; init; }

        public int Attempt { get; init; }

        public TimeSpan Duration { get; init; }

        public Exception? Failure { get; init; }

        public TimeSpan? RetryAfter { get; init; }
    }
}
