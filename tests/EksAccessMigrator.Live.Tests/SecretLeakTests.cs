using System.Collections.Concurrent;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.Live.Errors;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class SecretLeakTests(MotoIam moto)
{
    [Fact]
    public async Task DebugRun_WithRetriesAndFailures_NeverShowsCredentialsTokensOrAuthorizationHeaders()
    {
        var credentials = LiveWorld.Credentials;
        await using var world = await LiveWorld.StartAsync(moto, AuthenticationMode.ApiAndConfigMap.Wire(), new FakeEksOptions { AccessKeyId = credentials.AccessKeyId, SecretAccessKey = credentials.SecretAccessKey });
        ExistingEntries.Seed(world.Eks.State);
        await using var iamProxy = await ThrottlingProxy.StartAsync(moto.Endpoint, ratio: 0.3, seed: 99, maxThrottles: 20);
        await using var eksProxy = await ThrottlingProxy.StartAsync(world.Eks.Endpoint, ratio: 0, seed: 1, maxThrottles: 0);
        world.Eks.Faults.ThrottleNext(3);
        world.Kubernetes.Faults.FailNext(503, times: 1);

        var output = new ConcurrentQueue<string>();
        var log = new RecordingWireLog();
        var progress = new RecordingProgress();
        var settings = world.Settings(iamProxy.Endpoint) with
        {
            Aws = world.AwsSettings(iamProxy.Endpoint) with { EksEndpointUrl = eksProxy.Endpoint },
            Kubernetes = LiveWorld.FastKubernetes with { OnRetry = a => output.Enqueue($"{a} {a.Reason}") },
        };

        var result = await world.Scanner(settings, log, progress).ScanAsync(CancellationToken.None);
        output.Enqueue(result.ToString());
        output.Enqueue(result.Cluster.ToString());
        output.Enqueue(result.Inventory.ToString());

        // Failures: the API server refuses the token; EKS refuses a wrong secret; IAM denies a permission.
        await using (var refusing = await LiveWorld.StartAsync(moto, acceptTokens: false))
        {
            output.Enqueue((await Assert.ThrowsAsync<ScanAccessDeniedException>(() => refusing.Scanner(refusing.Settings(), log, progress).ScanAsync(CancellationToken.None))).ToString());
            foreach (var token in refusing.BearerTokens)
            {
                world.BearerTokens.Add(token);
            }
        }

        var wrongSecret = new LiveInventoryScanner(settings, new Aws.Credentials.StaticCredentialSource(credentials with { SecretAccessKey = "wrongSecretThatMustNeverAppearEither0001" }), log, progress);
        output.Enqueue((await Assert.ThrowsAsync<ScanAccessDeniedException>(() => wrongSecret.ScanAsync(CancellationToken.None))).ToString());

        Assert.True(log.Entries.Count(e => e.RetryDelay is not null) >= 3, "the run had no AWS retries to log");
        Assert.NotEmpty(world.BearerTokens);
        Assert.NotEmpty(iamProxy.SecretHeaderValues);
        Assert.NotEmpty(eksProxy.SecretHeaderValues);
        var everything = string.Join('\n', output.Concat(progress.Events).Append(log.Dump()));
        var secrets = new List<string> { credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken!, "wrongSecretThatMustNeverAppearEither0001" };
        secrets.AddRange(world.BearerTokens);
        secrets.AddRange(world.BearerTokens.Select(t => t["k8s-aws-v1.".Length..]));
        secrets.AddRange(iamProxy.SecretHeaderValues.Concat(eksProxy.SecretHeaderValues));
        secrets.AddRange(iamProxy.SecretHeaderValues.Concat(eksProxy.SecretHeaderValues).Where(v => v.Contains("Signature=", StringComparison.Ordinal)).Select(v => v[(v.IndexOf("Signature=", StringComparison.Ordinal) + 10)..]));
        foreach (var secret in secrets.Where(s => s.Length >= 16).Distinct())
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        // The log is still useful: it names operations and statuses.
        Assert.Contains("ListAccessEntries", everything, StringComparison.Ordinal);
        Assert.Contains("***", everything, StringComparison.Ordinal);
    }
}
