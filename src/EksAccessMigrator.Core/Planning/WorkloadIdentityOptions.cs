namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Command-line facts about kube2iam, kiam and IRSA. Each one that is set overrides what the agents' own
/// arguments say (rule K1); null means "as read from the inputs". The role annotation and the OIDC issuer are not
/// here: the scan is given them and records them in the inventory (<see cref="Inventory.WorkloadInventory.IamRoleKey"/>,
/// <see cref="Inventory.ClusterContext.OidcIssuer"/>).
/// </summary>
public sealed record WorkloadIdentityOptions
{
    /// <summary>kube2iam <c>--base-role-arn</c>.</summary>
    public string? Kube2iamBaseRoleArn { get; init; }

    /// <summary>kube2iam <c>--default-role</c>.</summary>
    public string? Kube2iamDefaultRole { get; init; }

    /// <summary>kube2iam <c>--namespace-restrictions</c>.</summary>
    public bool? NamespaceRestrictions { get; init; }

    /// <summary>kube2iam <c>--namespace-restriction-format</c>: <c>glob</c> or <c>regexp</c>.</summary>
    public string? NamespaceRestrictionFormat { get; init; }

    /// <summary>kiam <c>--role-base-arn</c>.</summary>
    public string? KiamRoleBaseArn { get; init; }

    /// <summary>Rules R1-R4: also migrate IRSA ServiceAccounts.</summary>
    public bool IncludeIrsa { get; init; }
}
