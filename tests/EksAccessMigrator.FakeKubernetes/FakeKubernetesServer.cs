using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>
/// An in-process fake Kubernetes API server on 127.0.0.1 (a free port), speaking the real REST paths and
/// semantics for the kinds in <see cref="ResourceKinds"/>. Start with <see cref="StartAsync"/>, dispose to stop.
/// </summary>
public sealed class FakeKubernetesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2? _certificate;

    private FakeKubernetesServer(WebApplication app, X509Certificate2? certificate, string? caData, Uri endpoint, ClusterState state, FaultInjector faults, RequestLog log)
    {
        _app = app;
        _certificate = certificate;
        CertificateAuthorityData = caData;
        Endpoint = endpoint;
        State = state;
        Faults = faults;
        Requests = log;
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the CA data (base64 PEM, as EKS returns it) when serving https; null for http.</summary>
    public string? CertificateAuthorityData { get; }

    /// <summary>Gets the cluster's objects, for seeding and inspection.</summary>
    public ClusterState State { get; }

    /// <summary>Gets the fault injector.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Gets the log of requests seen.</summary>
    public RequestLog Requests { get; }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeKubernetesServer> StartAsync(FakeKubernetesOptions? options = null, CancellationToken ct = default)
    {
        options ??= new FakeKubernetesOptions();
        var state = new ClusterState(options);
        var faults = new FaultInjector();
        var log = new RequestLog();
        var handler = new FakeApiRequestHandler(options, state, faults, log);

        var (certificate, caData) = options.UseTls ? SelfSignedCertificate.Create(options.TimeProvider) : (null, null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            certificate?.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeKubernetesServer(app, certificate, caData, new Uri(address.TrimEnd('/') + "/"), state, faults, log);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _certificate?.Dispose();
    }
}
