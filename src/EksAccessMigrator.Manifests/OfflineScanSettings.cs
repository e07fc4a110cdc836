using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// What an offline scan reads: <c>--from</c> exports, <c>--iam-snapshot</c> and <c>--access-entries</c> files, and
/// the facts about the cluster the command line gives (its name, region, account and mode, the caller, the OIDC
/// issuer) in place of what a live scan reads from AWS.
/// </summary>
public sealed record OfflineScanSettings
{
    /// <summary>The cluster as the command line describes it; its <see cref="ClusterContext.OidcIssuer"/> comes from <see cref="OidcIssuer"/>.</summary>
    public required ClusterContext Cluster { get; init; }

    /// <summary>Exported manifests: files or directories (read recursively); AWS CLI IAM and access-entry output under them is told apart by its shape.</summary>
    public IReadOnlyList<string> From { get; init; } = [];

    /// <summary>IAM snapshots given by name (<c>--iam-snapshot</c>): list-roles, list-users or get-role output.</summary>
    public IReadOnlyList<string> IamSnapshots { get; init; } = [];

    /// <summary>The access-entries export given by name (<c>--access-entries</c>); null for none.</summary>
    public string? AccessEntries { get; init; }

    /// <summary>The principal running the migration (<c>--caller-arn</c>); null when not given.</summary>
    public string? CallerArn { get; init; }

    /// <summary>kube2iam <c>--iam-role-key</c>: the annotation the collectors search objects for; null for <c>iam.amazonaws.com/role</c>. Recorded in the inventory.</summary>
    public string? IamRoleKey { get; init; }

    /// <summary>The cluster's OIDC issuer (<c>--oidc-issuer</c>); null when unknown. Recorded in the inventory's cluster.</summary>
    public string? OidcIssuer { get; init; }
}
