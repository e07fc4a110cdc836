namespace EksAccessMigrator.Apply;

/// <summary>Why apply or rollback refused to start (before any write).</summary>
public enum RefusalReason
{
    /// <summary>The plan is for another cluster, or the cluster does not exist.</summary>
    ClusterMismatch,

    /// <summary>The caller's account is not the plan's account.</summary>
    AccountMismatch,

    /// <summary>The clients talk to another region than the plan's.</summary>
    RegionMismatch,

    /// <summary>A change's object is neither as the plan says it was nor as the change leaves it (see <see cref="Refusal.Stale"/>).</summary>
    StalePlan,

    /// <summary>The journal belongs to another plan, or is not a journal.</summary>
    JournalMismatch,

    /// <summary>The journal records a rollback: apply again with a new journal.</summary>
    AlreadyRolledBack,

    /// <summary>The plan records no cluster identity (EKS ARN and kube-system uid): it was made offline.</summary>
    IdentityUnknown,

    /// <summary>Another process holds the journal's lock.</summary>
    JournalInUse,

    /// <summary>The journal's hash chain breaks (edited, truncated, interleaved) or it has none.</summary>
    JournalBroken,

    /// <summary>Another apply or rollback holds the cluster's lease.</summary>
    LeaseHeld,

    /// <summary>Rollback: the reviewed plan file is missing or is not the one the journal was written for.</summary>
    PlanMismatch,

    /// <summary>Rollback: the journal's changes or before-images are not what the reviewed plan says.</summary>
    JournalNotPlan,
}
