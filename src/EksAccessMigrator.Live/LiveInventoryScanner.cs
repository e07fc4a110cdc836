using System.Collections.Immutable;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live.Errors;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live;

/// <summary>
/// Reads a real cluster and account into the planner's <see cref="ClusterInventory"/>, the same inventory the
/// offline path builds from an export: DescribeCluster first, then concurrently the caller (STS), aws-auth
/// (Kubernetes), the account's IAM roles and users, and, unless the cluster is in CONFIG_MAP mode, its access
/// entries with their policies; beside them workload identity (Kubernetes lists once aws-auth answered, add-ons,
/// Pod Identity associations, node groups, Fargate profiles; see <see cref="WorkloadScan"/>), with the trust policies
/// the role listing carries, and the facts it was given (<see cref="LiveScanSettings.IamRoleKey"/>,
/// <see cref="LiveScanSettings.OidcIssuer"/>). The first failure cancels the other reads and is thrown as a <see cref="LiveScanException"/>.
/// </summary>
public sealed class LiveInventoryScanner : IInventoryScanner<LiveScanResult>
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
    public Task<LiveScanResult> ScanAsync(CancellationToken cancellationToken) => ScanAsync(null, cancellationToken);

    /// <param name="observer">Sees every Kubernetes object the workload scan streams (tests); called from several threads.</param>
    internal async Task<LiveScanResult> ScanAsync(IManifestCollector? observer, CancellationToken cancellationToken)
    {
        var recorder = new RetryRecorder(_wireLog, _progress);
        var context = new LiveScanContext(_settings);
        var steps = new ScanSteps(_progress, context);
        using var clusterConnection = ClusterConnection.ForScan(_settings, _credentials, recorder);
        var ports = clusterConnection.ScanPorts;

        var cluster = await steps.RunAsync(ScanStep.DescribeCluster, ct => ports.Cluster.DescribeClusterFactsAsync(_settings.ClusterName, ct), _ => 1, cancellationToken).ConfigureAwait(false);

        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var kubernetesOptions = _settings.Kubernetes with { OnRetry = Chain(_settings.Kubernetes.OnRetry, recorder.OnKubernetesRetry) };
        KubernetesConnection? connection = null;
        try
        {
            var caller = Concurrent(siblings, () => steps.RunAsync(ScanStep.CallerIdentity, ports.CallerIdentity.GetCallerIdentityAsync, _ => 1, siblings.Token));
            string? kubeSystemUid = null;
            var awsAuth = Concurrent(siblings, () => steps.RunAsync(ScanStep.AwsAuth, async ct =>
            {
                connection = clusterConnection.ConnectKubernetes(cluster, kubernetesOptions);
                context.KubernetesEndpoint = connection.Endpoint;
                var read = await AwsAuthReader.ReadAsync(connection, ct).ConfigureAwait(false);

                // Who the cluster is, as the API server reached says: the plan records it, apply checks it before any write.
                kubeSystemUid = await AwsAuthReader.KubeSystemUidAsync(connection, ct).ConfigureAwait(false);
                return read;
            }, a => a?.Data.Length ?? 0, siblings.Token));
            var roles = Concurrent(siblings, () => steps.RunAsync(ScanStep.IamRoles, ct => IamPrincipalLister.ListRolesAsync(ports.Principals, _settings.IamPageSize, _progress, ct), r => r.Count, siblings.Token));
            var users = Concurrent(siblings, () => steps.RunAsync(ScanStep.IamUsers, ct => IamPrincipalLister.ListUsersAsync(ports.Principals, _settings.IamPageSize, _progress, ct), u => u.Count, siblings.Token));
            Task<ImmutableArray<ExistingAccessEntry>?> entries;
            var entriesCreatedAt = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            if (AuthenticationMode.ReadsAccessEntries(cluster.AuthenticationMode))
            {
                entries = Concurrent(siblings, async () => (ImmutableArray<ExistingAccessEntry>?)await steps.RunAsync(
                    ScanStep.AccessEntries, ct => AccessEntryReader.ReadAsync(ports.AccessEntries, cluster.Name, _settings.MaxConcurrency, _progress, ct, entriesCreatedAt), e => e.Length, siblings.Token).ConfigureAwait(false));
            }
            else
            {
                _progress.StepSkipped(ScanStep.AccessEntries, $"the cluster is in {cluster.AuthenticationMode.Wire()} mode, which has no access entries");
                entries = Task.FromResult<ImmutableArray<ExistingAccessEntry>?>(null);
            }

            // The workload lists use aws-auth's connection once it has proved the API server answers, so a server
            // that cannot be reached or refuses the caller is reported once, for aws-auth, as before.
            var workloads = new WorkloadScan(_settings, ports, steps, siblings);
            var workloadTask = workloads.Start(cluster, async () =>
            {
                await awsAuth.ConfigureAwait(false);
                return connection!;
            }, observer);

            await WhenAllOrFirstFailureAsync(cancellationToken, caller, awsAuth, roles, users, entries, workloadTask).ConfigureAwait(false);

            var roleList = await roles.ConfigureAwait(false);
            var read = await workloadTask.ConfigureAwait(false);
            var scanned = new ClusterInventory(
                cluster.ToContext() with { KubeSystemUid = kubeSystemUid, OidcIssuer = _settings.OidcIssuer ?? cluster.OidcIssuer },
                await awsAuth.ConfigureAwait(false),
                IamPrincipalLister.Snapshot(roleList, await users.ConfigureAwait(false)),
                await entries.ConfigureAwait(false),
                (await caller.ConfigureAwait(false)).Arn)
            {
                Workloads = read.Inventory(roleList, _settings.IamRoleKey),
            };
            var nodeRoles = await steps.RunAsync(ScanStep.NodeRolePolicies, ct => NodeRolePolicyReader.ReadAsync(ports.RolePolicies, scanned, read.Nodegroups, roleList, ct), p => p.Roles.Length, cancellationToken).ConfigureAwait(false);
            var inventory = scanned with { NodeRoles = nodeRoles };
            return new LiveScanResult(inventory, cluster, await caller.ConfigureAwait(false), roleList, await users.ConfigureAwait(false), recorder.Snapshot())
            {
                Addons = read.Addons,
                Nodegroups = read.Nodegroups,
                FargateProfiles = read.FargateProfiles,
                AccessEntriesCreatedAt = entriesCreatedAt.ToImmutableDictionary(StringComparer.Ordinal),
            };
        }
        finally
        {
            // The API server connection is done with once the reads are; clusterConnection disposes it again (harmless).
            connection?.Dispose();
        }
    }

    private static Action<KubernetesRetryAttempt> Chain(Action<KubernetesRetryAttempt>? first, Action<KubernetesRetryAttempt> second) =>
        first is null ? second : attempt =>
        {
            first(attempt);
            second(attempt);
        };

    /// <summary>Starts a read; when it fails (other than by cancellation), the sibling reads are cancelled.</summary>
    internal static async Task<T> Concurrent<T>(CancellationTokenSource siblings, Func<Task<T>> read)
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
}
