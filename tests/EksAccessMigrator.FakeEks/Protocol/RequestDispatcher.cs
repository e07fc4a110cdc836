using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Faults;
using EksAccessMigrator.FakeEks.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>The HTTP pipeline: route, log, authenticate, inject faults, execute, write a REST-JSON response.</summary>
internal sealed class RequestDispatcher(FakeEksState state, FaultInjector faults, FakeEksRequestLog log, FakeEksOptions options)
{
    private const int MaxBodyBytes = 1 << 20;
    private static readonly TimeSpan MaxResponseDelay = TimeSpan.FromSeconds(5);
    private const string ErrorTypeSuffix = ":http://internal.amazon.com/coral/com.amazonaws.eks/";
    private readonly Dictionary<string, Func<EksRequest, ApiResponse>> handlers =
        OperationTable.Build(state, new Paginator(Guid.NewGuid().ToString("N")));

    private readonly SigV4Verifier verifier = new(options);
    private readonly ServerRateLimit? quota = options.MaxRequestsPerSecond > 0 ? new ServerRateLimit(options.MaxRequestsPerSecond, options.TimeProvider) : null;

    public int QuotaThrottled => quota?.Throttled ?? 0;

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var method = context.Request.Method;
        var route = RouteTable.Match(method, rawPath, out var routeValues);
        var operation = route?.Operation ?? "Unknown";
        log.Record(operation);

        var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, EksErrors.Serialization("Request body too large."), cancellationToken).ConfigureAwait(false);
            return;
        }

        string? Header(string name) => context.Request.Headers.TryGetValue(name, out var values) ? string.Join(',', values.ToArray()) : null;
        if (verifier.Check(method, rawPath, rawQuery, Header, body) is { } denied)
        {
            await WriteAsync(context, denied, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (options.ResponseDelay > TimeSpan.Zero && !await DelayAsync(options.ResponseDelay < MaxResponseDelay ? options.ResponseDelay : MaxResponseDelay, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (quota is not null && !quota.TryTake())
        {
            await WriteAsync(context, ApiResponse.Error(429, "ThrottlingException", "Rate exceeded"), cancellationToken).ConfigureAwait(false);
            return;
        }

        var fault = faults.Next(operation);
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.Throttle:
                await WriteAsync(context, ApiResponse.Error(fault.StatusCode, "ThrottlingException", "Rate exceeded"), cancellationToken).ConfigureAwait(false);
                return;
            case FaultKind.Fail:
                var failure = fault.StatusCode == 503
                    ? ApiResponse.Error(503, "ServiceUnavailableException", "Service is unavailable. Please try again later.")
                    : ApiResponse.Error(500, "ServerException", "An internal error occurred. Please try again later.");
                await WriteAsync(context, failure, cancellationToken).ConfigureAwait(false);
                return;
            case FaultKind.Delay when !await DelayAsync(fault.Delay, cancellationToken).ConfigureAwait(false):
                return;
            default:
                break;
        }

        var response = route is null ? EksErrors.UnknownOperation() : Execute(operation, routeValues, rawQuery, body);
        await WriteAsync(context, response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, ApiResponse response, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("D");
        context.Response.ContentType = "application/json";
        if (response.ErrorType is { } errorType)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorType + ErrorTypeSuffix;
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (for example after its own timeout); nothing left to answer.
        }
    }

    private ApiResponse Execute(string operation, Dictionary<string, string> routeValues, string rawQuery, byte[] body)
    {
        JsonObject json;
        try
        {
            var node = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body);
            if (node is not JsonObject obj)
            {
                return EksErrors.Serialization("The request body must be a JSON object.");
            }

            json = obj;
        }
        catch (JsonException)
        {
            return EksErrors.Serialization("The request body is not valid JSON.");
        }

        var request = new EksRequest(operation, routeValues, RawQuery.Dictionary(rawQuery), json);
        var token = OperationTable.Idempotent.Contains(operation) ? new BodyReader(json).String("clientRequestToken") : null;
        lock (state.Gate)
        {
            if (token is null)
            {
                return handlers[operation](request);
            }

            var key = string.Join('|', operation, request.ClusterName, token);
            var fingerprint = Fingerprint(request);
            if (state.TryGetIdempotent(key, fingerprint, out var cached))
            {
                // Cached bodies are only read under the lock; each response gets its own copy.
                return cached! with { Body = (JsonObject)cached.Body.DeepClone() };
            }

            var response = handlers[operation](request);
            if (response.IsSuccess)
            {
                state.RememberIdempotent(key, fingerprint, response with { Body = (JsonObject)response.Body.DeepClone() });
            }

            return response;
        }
    }

    private static string Fingerprint(EksRequest request)
    {
        var copy = (JsonObject)request.Body.DeepClone();
        copy.Remove("clientRequestToken");
        var route = string.Join('|', request.Route.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return string.Create(CultureInfo.InvariantCulture, $"{route}|{copy.ToJsonString()}");
    }
}
