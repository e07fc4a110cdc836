using System.Collections.Immutable;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Kubernetes;
using ClusterInventory = EksAccessMigrator.Core.Inventory.ClusterInventory;
using EksAccessMigrator.Live.Errors;

namespace EksAccessMigrator.Live;

/// <summary>
/// Reads a real cluster and account into the planner's <see cref="ClusterInventory"/>, the same inventory the
/// offline path builds from an export: DescribeCluster first, then concurrently the caller (STS), aws-auth
/// (Kubernetes), the account's IAM roles and users, and, unless the cluster is in CONFIG_MAP mode, its access
/// entries with their policies. The first failure cancels the other reads and is thrown as a
/// <see cref="LiveScanException"/>.
/// </summary>
public sealed class LiveInventoryScanner
{
    private readonly LiveScanSettings _settings;
    private readonly IAwsCredentialSource _credentials;
    private readonly IAwsWireLog? _wireLog;
    private readonly IScanProgress _progress;

    /// <param name="settings">What to scan.</param>
    /// <param name="credentials">AWS credentials (see <see cref="WithSdkCredentials"/> for the SDK's chain).</param>
    /// <param name="wireLog">Debug log of AWS requests, already redacted; null for none.</param>
    /// <param name="progress">Progress receiver; null for none.</param>
    public LiveInventoryScanner(LiveScanSettings settings, IAwsCredentialSource credentials, IAwsWireLog? wireLog = null, IScanProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        settings.Validate();
        _settings = settings;
        _credentials = credentials;
        _wireLog = wireLog;
        _progress = progress ?? NullScanProgress.Instance;
    }

    /// <summary>A scanner with credentials from AWSSDK.Core's chain, or from <c>settings.Aws.Profile</c> when set.</summary>
    public static LiveInventoryScanner WithSdkCredentials(LiveScanSettings settings, IAwsWireLog? wireLog = null, IScanProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new LiveInventoryScanner(settings, new SdkCredentialSource(settings.Aws.Profile), wireLog, progress);
    }

    /// <summary>Scans the cluster; throws <see cref="LiveScanException"/> (or a subclass) when a read fails.</summary>
    public async Task<LiveScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var recorder = new RetryRecorder(_wireLog, _progress);
        var context = new LiveScanContext(_settings);
        var pipelineOptions = new AwsPipelineOptions { Log = recorder, TimeProvider = _settings.TimeProvider };
        using var eks = EksClient.Create(_settings.Aws, _credentials, pipelineOptions);
        using var iam = IamClient.Create(_settings.Aws, _credentials, pipelineOptions);
        using var sts = new StsService(_settings.Aws, _credentials);

        var cluster = await RunStepAsync(ScanStep.DescribeCluster, context, ct => ClusterFactsReader.ReadAsync(eks, _settings.ClusterName, recorder, ct), _ => 1, cancellationToken).ConfigureAwait(false);

        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var kubernetesOptions = _settings.Kubernetes with { OnRetry = Chain(_settings.Kubernetes.OnRetry, recorder.OnKubernetesRetry) };
        var caller = Concurrent(siblings, () => RunStepAsync(ScanStep.CallerIdentity, context, sts.GetCallerIdentityAsync, _ => 1, siblings.Token));
        var awsAuth = Concurrent(siblings, () => RunStepAsync(ScanStep.AwsAuth, context, ct => ReadAwsAuthAsync(cluster, kubernetesOptions, context, ct), a => a?.Data.Length ?? 0, siblings.Token));
        var roles = Concurrent(siblings, () => RunStepAsync(ScanStep.IamRoles, context, ct => IamPrincipalLister.ListRolesAsync(iam, _settings.IamPageSize, recorder, _progress, ct), r => r.Count, siblings.Token));
        var users = Concurrent(siblings, () => RunStepAsync(ScanStep.IamUsers, context, ct => IamPrincipalLister.ListUsersAsync(iam, _settings.IamPageSize, recorder, _progress, ct), u => u.Count, siblings.Token));
        Task<ImmutableArray<ExistingAccessEntry>?> entries;
        if (AuthenticationMode.ReadsAccessEntries(cluster.AuthenticationMode))
        {
            entries = Concurrent(siblings, async () => (ImmutableArray<ExistingAccessEntry>?)await RunStepAsync(
                ScanStep.AccessEntries, context, ct => AccessEntryReader.ReadAsync(eks, cluster.Name, _settings.MaxConcurrency, recorder, _progress, ct), e => e.Length, siblings.Token).ConfigureAwait(false));
        }
        else
        {
            _progress.StepSkipped(ScanStep.AccessEntries, $"the cluster is in {cluster.AuthenticationMode} mode, which has no access entries");
            entries = Task.FromResult<ImmutableArray<ExistingAccessEntry>?>(null);
        }

        await WhenAllOrFirstFailureAsync(cancellationToken, caller, awsAuth, roles, users, entries).ConfigureAwait(false);

        var inventory = new ClusterInventory(
            cluster.ToContext(),
            await awsAuth.ConfigureAwait(false),
            IamPrincipalLister.Snapshot(await roles.ConfigureAwait(false), await users.ConfigureAwait(false)),
            await entries.ConfigureAwait(false),
            (await caller.ConfigureAwait(false)).Arn);
        return new LiveScanResult(inventory, cluster, await caller.ConfigureAwait(false), await roles.ConfigureAwait(false), await users.ConfigureAwait(false), recorder.Snapshot());
    }

    private static Action<KubernetesRetryAttempt> Chain(Action<KubernetesRetryAttempt>? first, Action<KubernetesRetryAttempt> second) =>
        first is null ? second : attempt =>
        {
            first(attempt);
            second(attempt);
        };

    /// <summary>Starts a read; when it fails (other than by cancellation), the sibling reads are cancelled.</summary>
    private static async Task<T> Concurrent<T>(CancellationTokenSource siblings, Func<Task<T>> read)
    {
        try
        {
            return await Task.Run(read, siblings.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await siblings.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for every read; throws the first real failure rather than the cancellations it caused.</summary>
    private static async Task WhenAllOrFirstFailureAsync(CancellationToken cancellationToken, params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (tasks.Select(t => t.Exception?.InnerException).OfType<LiveScanException>().FirstOrDefault() is { } first)
        {
            throw first;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<AwsAuthConfigMap?> ReadAwsAuthAsync(EksClusterFacts cluster, KubernetesAdapterOptions options, LiveScanContext context, CancellationToken cancellationToken)
    {
        using var connection = AwsAuthReader.Connect(_settings, cluster, _credentials, options);
        context.KubernetesEndpoint = connection.Endpoint;
        return await AwsAuthReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunStepAsync<T>(ScanStep step, LiveScanContext context, Func<CancellationToken, Task<T>> read, Func<T, int> count, CancellationToken cancellationToken)
    {
        _progress.StepStarted(step);
        T result;
        try
        {
            result = await read(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && ScanErrors.Translate(step, error, context) is { } translated)
        {
            if (ReferenceEquals(translated, error))
            {
                throw;
            }

            throw translated;
        }

        _progress.StepFinished(step, count(result));
        return result;
    }
}
