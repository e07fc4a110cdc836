namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>Why a role annotation does not give a role (rule K3); the catalogue words and codes each kind.</summary>
internal enum RoleProblemKind
{
    /// <summary>The annotation is empty (<c>role-unresolved</c>).</summary>
    Empty,

    /// <summary>An unrendered template or variable (<c>role-unresolved</c>).</summary>
    Unrendered,

    /// <summary>A role name, and no base ARN to complete it (<c>role-base-unknown</c>).</summary>
    BaseUnknown,

    /// <summary>The value, completed, is not an IAM role ARN (<c>principal-arn-invalid</c>).</summary>
    NotARoleArn,

    /// <summary>The IAM data has the name only under another path (<c>role-path-mismatch</c>).</summary>
    PathMismatch,

    /// <summary>A fully listed account without the role (<c>principal-not-found</c>).</summary>
    NotFound,
}
