namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>A namespace's kube2iam <c>iam.amazonaws.com/allowed-roles</c> annotation (rule K4), as generated.</summary>
internal enum NamespaceRestriction
{
    /// <summary>No annotation: no role is permitted when restrictions are on.</summary>
    None,

    /// <summary><c>["*"]</c>: every role under the base ARN.</summary>
    Any,

    /// <summary><c>["r1"]</c>.</summary>
    R1,

    /// <summary><c>["r2", "r3"]</c>.</summary>
    R2AndR3,
}
