namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>The kinds of this cluster's OIDC trust statement the IRSA generator writes.</summary>
internal enum TrustStatementShape
{
    /// <summary>StringLike on <c>system:serviceaccount:NS:*</c>.</summary>
    NamespaceWildcard,

    /// <summary>No condition: every ServiceAccount of the cluster.</summary>
    NoCondition,

    /// <summary>A list of subjects: some of the role's ServiceAccounts and one elsewhere.</summary>
    Subjects,
}
