using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The plan file's <c>options.workloads</c>: the planner's workload options, and the two settings the scan was given
/// and recorded in the inventory (the role annotation and the OIDC issuer), so that verify scans again with them.
/// </summary>
public sealed record WorkloadOptionsRecord
{
    /// <summary>kube2iam <c>--base-role-arn</c>.</summary>
    public string? Kube2iamBaseRoleArn { get; init; }

    /// <summary>kube2iam <c>--default-role</c>.</summary>
    public string? Kube2iamDefaultRole { get; init; }

    /// <summary>The role annotation the scan was given (<see cref="WorkloadInventory.IamRoleKey"/>).</summary>
    public string? IamRoleKey { get; init; }

    /// <summary>kube2iam <c>--namespace-restrictions</c>.</summary>
    public bool? NamespaceRestrictions { get; init; }

    /// <summary>kube2iam <c>--namespace-restriction-format</c>: <c>glob</c> or <c>regexp</c>.</summary>
    public string? NamespaceRestrictionFormat { get; init; }

    /// <summary>kiam <c>--role-base-arn</c>.</summary>
    public string? KiamRoleBaseArn { get; init; }

    /// <summary>Rules R1-R4: also migrate IRSA ServiceAccounts.</summary>
    public bool IncludeIrsa { get; init; }

    /// <summary>The OIDC issuer the plan was made with (<see cref="ClusterContext.OidcIssuer"/>).</summary>
    public string? OidcIssuer { get; init; }

    public static WorkloadOptionsRecord From(WorkloadIdentityOptions options, ClusterInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inventory);
        return new WorkloadOptionsRecord
        {
            Kube2iamBaseRoleArn = options.Kube2iamBaseRoleArn,
            Kube2iamDefaultRole = options.Kube2iamDefaultRole,
            IamRoleKey = inventory.Workloads.IamRoleKey,
            NamespaceRestrictions = options.NamespaceRestrictions,
            NamespaceRestrictionFormat = options.NamespaceRestrictionFormat,
            KiamRoleBaseArn = options.KiamRoleBaseArn,
            IncludeIrsa = options.IncludeIrsa,
            OidcIssuer = inventory.Cluster.OidcIssuer,
        };
    }

    /// <summary>The planner's workload options (the role annotation and the OIDC issuer go to the scan instead).</summary>
    public WorkloadIdentityOptions ToPlannerOptions() => new()
    {
        Kube2iamBaseRoleArn = Kube2iamBaseRoleArn,
        Kube2iamDefaultRole = Kube2iamDefaultRole,
        NamespaceRestrictions = NamespaceRestrictions,
        NamespaceRestrictionFormat = NamespaceRestrictionFormat,
        KiamRoleBaseArn = KiamRoleBaseArn,
        IncludeIrsa = IncludeIrsa,
    };
}
