namespace EksAccessMigrator.Apply;

/// <summary>How <see cref="PlanExecutor"/> applies a plan.</summary>
public sealed record ApplyOptions
{
    /// <summary>The default journal directory, relative to the working directory.</summary>
    public const string DefaultJournalDirectory = ".eks-access-migrator";

    /// <summary>Perform every read and check, list the calls, write nothing (not even the journal).</summary>
    public bool DryRun { get; init; }

    /// <summary>Most changes of one stage in flight at once.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Perform RestartWorkload steps (and wait for each rollout); otherwise they are reported as skipped.</summary>
    public bool RestartWorkloads { get; init; }

    /// <summary>How long to wait for each rollout after a restart.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The journal file; null for <c>.eks-access-migrator/&lt;cluster&gt;-&lt;plan hash&gt;.jsonl</c> in the working directory.</summary>
    public string? JournalPath { get; init; }

    /// <summary>How long to wait for the authentication-mode update to succeed.</summary>
    public TimeSpan ModeChangeTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Interval between DescribeUpdate polls.</summary>
    public TimeSpan ModeChangePollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Recorded in the journal header.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long the aws-auth edit keeps retrying optimistic-concurrency conflicts (backoff with jitter, re-reading each
    /// time, on the resilience pipeline): no retry is started whose wait would pass it.
    /// </summary>
    public TimeSpan AwsAuthConflictBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the cluster lease holds without renewal (its <c>leaseDurationSeconds</c>).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the cluster lease is renewed while the run goes on.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Stop starting new steps once this fires (SIGINT/SIGTERM in the CLI): steps in flight finish or time out and
    /// their outcome is journaled; the result says <see cref="ApplyResult.Interrupted"/>.
    /// </summary>
    public CancellationToken StopToken { get; init; }

    /// <summary>
    /// Test hook: called at each step boundary (before the step, between its intent record and its call, between
    /// its call and its outcome record). A hook that throws aborts the run as a killed process would: nothing
    /// more is written.
    /// </summary>
    public Action<CrashPoint, string>? CrashHook { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallel, 1, nameof(Parallel));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RolloutTimeout, TimeSpan.Zero, nameof(RolloutTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ModeChangeTimeout, TimeSpan.Zero, nameof(ModeChangeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ModeChangePollInterval, TimeSpan.Zero, nameof(ModeChangePollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(AwsAuthConflictBudget, TimeSpan.Zero, nameof(AwsAuthConflictBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(1), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseRenewInterval, TimeSpan.Zero, nameof(LeaseRenewInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(LeaseRenewInterval, LeaseDuration, nameof(LeaseRenewInterval));
    }
}
