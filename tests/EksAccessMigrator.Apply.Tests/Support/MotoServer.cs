using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>moto_server (IAM and STS) on a free loopback port with the roles of <see cref="Seed"/>.</summary>
public sealed class MotoServer : IAsyncLifetime
{
    private MotoProcess? _process;

    public Uri Endpoint => _process?.Endpoint ?? new Uri("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        _process = await MotoProcess.StartAsync();
        foreach (var name in Seed.AllRoles)
        {
            await _process.IamAsync("CreateRole", ("RoleName", name), ("Path", "/"), ("AssumeRolePolicyDocument", Seed.InitialTrust));
        }
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }
}
