using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>moto_server (IAM and STS) on a free loopback port, seeded with <see cref="Scenario"/>'s account.</summary>
public sealed class MotoIam : IAsyncLifetime
{
    private MotoProcess? _moto;

    public Uri Endpoint => _moto?.Endpoint ?? new Uri("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        _moto = await MotoProcess.StartAsync();
        foreach (var (name, path) in Scenario.Roles)
        {
            await _moto.IamAsync("CreateRole", ("RoleName", name), ("Path", path), ("AssumeRolePolicyDocument", Scenario.TrustPolicy));
        }

        foreach (var (name, path) in Scenario.Users)
        {
            await _moto.IamAsync("CreateUser", ("UserName", name), ("Path", path));
        }
    }

    public Task DisposeAsync()
    {
        _moto?.Dispose();
        return Task.CompletedTask;
    }
}
