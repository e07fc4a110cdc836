using System.Diagnostics;
using System.Globalization;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Coordination;

/// <summary>
/// The cluster-side lock: a <c>coordination.k8s.io/v1</c> Lease <c>kube-system/eks-access-migrator</c> naming its
/// holder (user@host, pid, plan hash) with an expiry, renewed while apply or rollback runs and deleted at the end.
/// Every write carries the resourceVersion read, so of two runs racing for it exactly one wins. A lease past its
/// expiry, or held by a process of this host that is gone, is taken over. When a renewal finds the lease lost,
/// <see cref="Lost"/> fires and the run stops starting new steps.
/// </summary>
internal sealed class ClusterLease : IAsyncDisposable
{
    private const int MaxAttempts = 5;

    private readonly IClusterLease _client;
    private readonly LeaseHolder _holder;
    private readonly ApplyOptions _options;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private LeaseObject _lease;
    private Task? _renewal;

    private ClusterLease(IClusterLease client, LeaseHolder holder, ApplyOptions options, LeaseObject lease)
    {
        _client = client;
        _holder = holder;
        _options = options;
        _lease = lease;
    }

    /// <summary>Fires when a renewal finds that another run took the lease (or it could not be renewed before it expired).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease, or says who holds it (a refusal); <paramref name="notice"/> hears of a take-over.</summary>
    public static async Task<(ClusterLease? Lease, Refusal? Refusal)> AcquireAsync(IClusterLease client, LeaseHolder holder, ApplyOptions options, Action<string> notice, CancellationToken ct)
    {
        var time = options.TimeProvider;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var live = await client.GetAsync(LeaseAnnotations.Namespace, LeaseAnnotations.Name, ct).ConfigureAwait(false);
            if (live is null)
            {
                var created = await client.CreateAsync(Describe(Empty, holder, options, now, transitions: 0), ct).ConfigureAwait(false);
                if (created.Succeeded)
                {
                    return (Start(client, holder, options, created.Value!), null);
                }

                continue;
            }

            var held = live.HolderIdentity;
            var expires = Expiry(live);
            string? takeover = null;
            if (!string.IsNullOrEmpty(held) && !string.Equals(held, holder.Identity, StringComparison.Ordinal))
            {
                if (expires is { } at && at <= now)
                {
                    takeover = $"took over the cluster lease {LeaseAnnotations.Namespace}/{LeaseAnnotations.Name} from {held}: it expired at {Format(at)} without being renewed";
                }
                else if (GoneLocalProcess(live) is { } pid)
                {
                    takeover = $"took over the cluster lease {LeaseAnnotations.Namespace}/{LeaseAnnotations.Name} from {held}: process {pid} on this host is gone";
                }
                else
                {
                    var until = expires is { } e ? $"it expires at {Format(e)} unless renewed" : "it records no expiry";
                    return (null, Refusal.Of(RefusalReason.LeaseHeld, $"Another run holds the cluster lease {LeaseAnnotations.Namespace}/{LeaseAnnotations.Name}: {held}; {until}. Wait for it to finish (or, if it was killed on another machine, until the lease expires) and run again."));
                }
            }

            var replaced = await client.ReplaceAsync(Describe(live, holder, options, now, (live.LeaseTransitions ?? 0) + (takeover is null ? 0 : 1)), ct).ConfigureAwait(false);
            if (replaced.Succeeded)
            {
                if (takeover is not null)
                {
                    notice(takeover);
                }

                return (Start(client, holder, options, replaced.Value!), null);
            }
        }

        return (null, Refusal.Of(RefusalReason.LeaseHeld, $"The cluster lease {LeaseAnnotations.Namespace}/{LeaseAnnotations.Name} kept changing while this run tried to take it ({MaxAttempts} attempts): another run is starting. Run again later."));
    }

    /// <summary>Stops renewing and deletes the lease if it is still this run's.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        if (_renewal is not null)
        {
            await _renewal.ConfigureAwait(false);
        }

        if (!_lost.IsCancellationRequested && _lease.ResourceVersion is { } version)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.LeaseDuration, _options.TimeProvider);
                await _client.DeleteAsync(LeaseAnnotations.Namespace, LeaseAnnotations.Name, version, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (StepRunner.IsStepFailure(e) || e is OperationCanceledException)
            {
                // The lease expires by itself; the run's outcome is already journaled.
            }
        }

        _stopRenewing.Dispose();
        _lost.Dispose();
    }

    private static ClusterLease Start(IClusterLease client, LeaseHolder holder, ApplyOptions options, LeaseObject lease)
    {
        var taken = new ClusterLease(client, holder, options, lease);
        taken._renewal = taken.RenewAsync();
        return taken;
    }

    private async Task RenewAsync()
    {
        var time = _options.TimeProvider;
        var renewed = time.GetUtcNow();
        while (!_stopRenewing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.LeaseRenewInterval, time, _stopRenewing.Token).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var result = await _client.ReplaceAsync(Describe(_lease, _holder, _options, now, _lease.LeaseTransitions ?? 0, renewOnly: true), _stopRenewing.Token).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    _lease = result.Value!;
                    renewed = now;
                    continue;
                }

                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StepRunner.IsStepFailure(e))
            {
                if (time.GetUtcNow() - renewed >= _options.LeaseDuration)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
    }

    /// <summary>The lease before anyone held it: its name only.</summary>
    private static LeaseObject Empty => new(LeaseAnnotations.Namespace, LeaseAnnotations.Name, null, new Dictionary<string, string>(), new Dictionary<string, string>(), null, null, null, null, null);

    private static LeaseObject Describe(LeaseObject lease, LeaseHolder holder, ApplyOptions options, DateTimeOffset now, int transitions, bool renewOnly = false)
    {
        var annotations = new Dictionary<string, string>(lease.Annotations, StringComparer.Ordinal)
        {
            [LeaseAnnotations.User] = holder.User,
            [LeaseAnnotations.Host] = holder.Host,
            [LeaseAnnotations.ProcessId] = holder.ProcessId.ToString(CultureInfo.InvariantCulture),
            [LeaseAnnotations.PlanHash] = holder.PlanHash,
            [LeaseAnnotations.Operation] = holder.Operation,
        };
        return lease with
        {
            Annotations = annotations,
            HolderIdentity = holder.Identity,
            LeaseDurationSeconds = (int)Math.Ceiling(options.LeaseDuration.TotalSeconds),
            AcquireTime = (renewOnly ? lease.AcquireTime : null) ?? now,
            RenewTime = now,
            LeaseTransitions = transitions,
        };
    }

    private static DateTimeOffset? Expiry(LeaseObject lease)
    {
        if (lease.LeaseDurationSeconds is not { } seconds || (lease.RenewTime ?? lease.AcquireTime) is not { } from)
        {
            return null;
        }

        return from.AddSeconds(seconds);
    }

    /// <summary>The holder's pid when it ran on this host and that process no longer exists.</summary>
    private static int? GoneLocalProcess(LeaseObject lease)
    {
        var annotations = lease.Annotations;
        if (!annotations.TryGetValue(LeaseAnnotations.Host, out var host) || !string.Equals(host, Environment.MachineName, StringComparison.Ordinal)
            || !annotations.TryGetValue(LeaseAnnotations.ProcessId, out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? pid : null;
        }
        catch (ArgumentException)
        {
            return pid;
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
