using Xunit;

namespace EksAccessMigrator.TestSupport;

/// <summary>A <see cref="MotoProcess"/> for the lifetime of a test class or collection (an xunit fixture).</summary>
public sealed class MotoServer : IAsyncLifetime
{
    private MotoProcess? _process;

    /// <summary>The account moto puts everything in by default.</summary>
    public const string Account = "123456789012";

    public Uri Endpoint => Process.Endpoint;

    public MotoProcess Process => _process ?? throw new InvalidOperationException("moto_server has not been started.");

    public async Task InitializeAsync() => _process = await MotoProcess.StartAsync();

    public Task IamAsync(string action, params (string Name, string Value)[] parameters) => Process.IamAsync(action, parameters);

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }
}
