using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// A loopback HTTP proxy in front of one upstream (moto's IAM): it forwards requests as they are and answers a
/// share of them with IAM's Throttling error instead, chosen by a seeded generator and at most
/// <c>maxThrottles</c> times. It also records the secret-bearing request headers it saw, for the leak test.
/// </summary>
internal sealed class ThrottlingProxy : IAsyncDisposable
{
    private const int MaxRequests = 5000;
    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly Uri _upstream;
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly double _ratio;
    private readonly string? _deniedAction;
    private int _throttlesLeft;
    private int _requests;

    private ThrottlingProxy(Uri upstream, double ratio, int seed, int maxThrottles, string? deniedAction)
    {
        _deniedAction = deniedAction;
        _upstream = upstream;
        _ratio = ratio;
        _random = new Random(seed);
        _throttlesLeft = maxThrottles;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    public int Throttled { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Authorization and X-Amz-Security-Token values that passed through.</summary>
    public ConcurrentBag<string> SecretHeaderValues { get; } = [];

    /// <param name="deniedAction">An IAM action (e.g. ListUsers) to answer with AccessDenied, as IAM does without the permission.</param>
    public static async Task<ThrottlingProxy> StartAsync(Uri upstream, double ratio, int seed, int maxThrottles, string? deniedAction = null)
    {
        var proxy = new ThrottlingProxy(upstream, ratio, seed, maxThrottles, deniedAction);
        await proxy._app.StartAsync();
        var address = proxy._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        proxy.Endpoint = new Uri(address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _requests) > MaxRequests)
        {
            context.Response.StatusCode = 500;
            return;
        }

        foreach (var name in new[] { "Authorization", "X-Amz-Security-Token" })
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                foreach (var value in values)
                {
                    SecretHeaderValues.Add(value ?? string.Empty);
                }
            }
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (_deniedAction is not null && Encoding.UTF8.GetString(body.ToArray()).Contains("Action=" + _deniedAction, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(
                $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: iam:{_deniedAction} on resource: arn:aws:iam::123456789012:user/</Message></Error><RequestId>denied-by-proxy</RequestId></ErrorResponse>",
                Encoding.UTF8,
                context.RequestAborted);
            return;
        }

        if (ShouldThrottle())
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(
                "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>throttled-by-proxy</RequestId></ErrorResponse>",
                Encoding.UTF8,
                context.RequestAborted);
            return;
        }

        // The raw target keeps the client's percent-encoding of ARNs in paths, which SigV4 signed.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_upstream.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        forward.Content = new ByteArrayContent(body.ToArray());
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        // Keep the Host the client signed (SigV4 signs it), as a transparent proxy would.
        forward.Headers.Host = context.Request.Host.Value;
        if (context.Request.ContentType is { } contentType)
        {
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _http.SendAsync(forward, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }

    private bool ShouldThrottle()
    {
        lock (_gate)
        {
            if (_throttlesLeft <= 0 || _random.NextDouble() >= _ratio)
            {
                return false;
            }

            _throttlesLeft--;
            Throttled++;
            return true;
        }
    }
}
