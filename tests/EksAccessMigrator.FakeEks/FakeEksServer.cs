using System.Net;
using EksAccessMigrator.FakeEks.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EksAccessMigrator.FakeEks;

/// <summary>
/// An in-process HTTP server with the wire protocol and semantics of the EKS API operations the migrator
/// uses. Listens on 127.0.0.1 on a free port.
/// </summary>
public sealed class FakeEksServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RequestDispatcher dispatcher;

    private FakeEksServer(WebApplication app, RequestDispatcher dispatcher, Uri endpoint, FakeEksState state, FaultInjector faults, FakeEksRequestLog requests)
    {
        this.app = app;
        this.dispatcher = dispatcher;
        Endpoint = endpoint;
        State = state;
        Faults = faults;
        Requests = requests;
    }

    /// <summary>Base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Endpoint { get; }

    /// <summary>Seeding and inspection of clusters and their resources.</summary>
    public FakeEksState State { get; }

    /// <summary>Throttling, errors, delays and dropped connections for the next requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The operations received, in order.</summary>
    public FakeEksRequestLog Requests { get; }

    /// <summary>Requests answered ThrottlingException by <see cref="FakeEksOptions.MaxRequestsPerSecond"/> (not by <see cref="Faults"/>).</summary>
    public int QuotaThrottled => dispatcher.QuotaThrottled;

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    public static async Task<FakeEksServer> StartAsync(FakeEksOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeEksOptions();
        var state = new FakeEksState(options);
        var faults = new FaultInjector();
        var requests = new FakeEksRequestLog();
        var dispatcher = new RequestDispatcher(state, faults, requests, options);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeEksServer(app, dispatcher, new Uri(address), state, faults, requests);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
