using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Issue 12, live: no credentials, an endpoint that cannot answer, a failing kubeconfig exec plugin.</summary>
public sealed class FirstContactLiveTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private readonly MotoServer _moto;
    private LiveCliWorld? _world;

    public FirstContactLiveTests(LiveCliMoto moto) => _moto = moto.Server;

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync() => await _world!.DisposeAsync();

    [Theory]
    [InlineData("scan")]
    [InlineData("plan")]
    [InlineData("verify")]
    public async Task NoAwsCredentials_IsAUserError_NamingWhatToDo(string command)
    {
        LiveCliWorld.Set("AWS_ACCESS_KEY_ID", null);
        LiveCliWorld.Set("AWS_SECRET_ACCESS_KEY", null);
        LiveCliWorld.Set("AWS_SESSION_TOKEN", null);

        var result = await CliRun.RunAsync([command, .. _world!.Live()]);

        CliAssert.OneLineError(result, "Unable to locate AWS credentials");
        Assert.Contains("--profile", result.Error, StringComparison.Ordinal);
        Assert.Contains("aws sso login", result.Error, StringComparison.Ordinal);
        Assert.Contains("aws configure", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://eks.does-not-resolve.invalid")]
    [InlineData("http://127.0.0.1:1")]
    public async Task AnEndpointThatCannotAnswer_FailsOnTheFirstAttempt(string endpoint)
    {
        LiveCliWorld.Set("AWS_ENDPOINT_URL_EKS", endpoint);

        var result = await CliRun.RunAsync(["plan", .. _world!.Live()]);

        CliAssert.OneLineError(result, "after 1 attempt(s)");
        Assert.Empty(_world.Eks.Requests.Operations);
    }

    [Theory]
    [InlineData("--region", "eu-west", "--region 'eu-west' is not an AWS region name")]
    [InlineData("--account", "12345", "--account '12345' is not a 12-digit AWS account ID")]
    [InlineData("--cluster", "../shop", "--cluster '../shop' is not an EKS cluster name")]
    public async Task LiveClusterFacts_AreValidatedBeforeAnyCall(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--cluster"] = "shop", ["--region"] = "eu-west-1" };
        args[option] = value;

        var result = await CliRun.RunAsync(["plan", .. args.SelectMany(a => new[] { a.Key, a.Value }), "--api-server", _world!.ApiServer]);

        CliAssert.OneLineError(result, expected);
        Assert.Empty(_world.Eks.Requests.Operations);
    }

    [Fact]
    public async Task AFailingKubeconfigExecPlugin_IsOneLine()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"eam-kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "{{_world!.ApiServer}}"}
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: /bin/false
            contexts:
            - name: ctx
              context: {cluster: c, user: u}
            current-context: ctx
            """);
        try
        {
            var result = await CliRun.RunAsync("scan", "--cluster", "shop", "--region", "eu-west-1", "--kubeconfig", kubeconfig);

            CliAssert.OneLineError(result, kubeconfig);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task KubeconfigFiles_AreMergedAsKubectlMergesThem()
    {
        var clusters = Path.Combine(Path.GetTempPath(), $"eam-kc-clusters-{Guid.NewGuid():N}");
        var contexts = Path.Combine(Path.GetTempPath(), $"eam-kc-contexts-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(clusters, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: shop
              cluster: {server: "{{_world!.ApiServer}}"}
            users:
            - name: token
              user: {token: kubeconfig-token}
            """);
        await File.WriteAllTextAsync(contexts, """
            apiVersion: v1
            kind: Config
            contexts:
            - name: shop
              context: {cluster: shop, user: token}
            current-context: shop
            """);
        var saved = Environment.GetEnvironmentVariable("KUBECONFIG");
        LiveCliWorld.Set("KUBECONFIG", string.Join(Path.PathSeparator, contexts, "/does/not/exist", clusters));
        try
        {
            var result = await CliRun.RunAsync("scan", "--cluster", "shop", "--region", "eu-west-1", "--context", "shop", "--format", "json");

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("arn:aws:iam::123456789012:role/admin", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            LiveCliWorld.Set("KUBECONFIG", saved);
            File.Delete(clusters);
            File.Delete(contexts);
        }
    }
}
