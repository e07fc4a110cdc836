using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// moto_server for the workload tests: every request lands in the examples' account (MOTO_ACCOUNT_ID), and each test
/// resets it and seeds its own roles. The tests of this collection run one at a time, so resets do not collide.
/// </summary>
public sealed class WorkloadMoto : IAsyncLifetime
{
    public const string Account = "111122223333";
    public const string Region = "eu-west-1";

    private MotoProcess? _moto;

    public Uri Endpoint => _moto?.Endpoint ?? new Uri("http://127.0.0.1:1");

    public async Task InitializeAsync() => _moto = await MotoProcess.StartAsync(Account);

    /// <summary>Forgets the previous test's roles and creates these (path and trust document as given).</summary>
    public async Task SeedAsync(IEnumerable<SeedRole> roles)
    {
        ArgumentNullException.ThrowIfNull(_moto);
        await _moto.ResetAsync();
        foreach (var role in roles)
        {
            await _moto.IamAsync("CreateRole", ("RoleName", role.Name), ("Path", role.Path), ("AssumeRolePolicyDocument", role.TrustPolicy));
        }
    }

    /// <summary>Any IAM call, for a test's own seeding (policies attached to a role, inline policies).</summary>
    public Task IamAsync(string action, params (string Name, string Value)[] parameters) =>
        (_moto ?? throw new InvalidOperationException("moto_server has not been started.")).IamAsync(action, parameters);

    public Task DisposeAsync()
    {
        _moto?.Dispose();
        return Task.CompletedTask;
    }
}
