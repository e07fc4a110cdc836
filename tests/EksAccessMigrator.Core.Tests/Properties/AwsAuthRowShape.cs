namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>How a generated aws-auth row names its principal.</summary>
internal enum AwsAuthRowShape
{
    /// <summary><c>rolearn</c>/<c>userarn</c> with an IAM ARN.</summary>
    IamArn,

    /// <summary><c>rolearn</c>/<c>userarn</c> with an STS assumed-role ARN.</summary>
    AssumedRoleArn,

    /// <summary><c>rolearn</c>/<c>userarn</c> with an account root ARN.</summary>
    RootArn,

    /// <summary>An <c>sso</c> block (mapRoles only).</summary>
    Sso,

    /// <summary>A row with neither ARN nor sso: only <c>username: nobody</c>.</summary>
    NoPrincipal,
}
