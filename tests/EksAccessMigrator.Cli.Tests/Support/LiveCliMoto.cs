using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>moto seeded once per test class with the live tests' IAM principals (a role with a path, a node role, a user).</summary>
public sealed class LiveCliMoto : IAsyncLifetime
{
    private const string Trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    public MotoServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.IamAsync("CreateRole", ("RoleName", "admin"), ("Path", "/teams/"), ("AssumeRolePolicyDocument", Trust));
        await Server.IamAsync("CreateRole", ("RoleName", "nodes"), ("AssumeRolePolicyDocument", Trust));
        await Server.IamAsync("CreateUser", ("UserName", "alice"));
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
