namespace EksAccessMigrator.Live;

/// <summary>The steps of a live scan, as reported to <see cref="IScanProgress"/>.</summary>
public enum ScanStep
{
    /// <summary>EKS DescribeCluster: mode, ARN, endpoint, CA data, OIDC issuer.</summary>
    DescribeCluster,

    /// <summary>STS GetCallerIdentity: who runs the scan.</summary>
    CallerIdentity,

    /// <summary>Kubernetes: <c>kube-system/aws-auth</c>.</summary>
    AwsAuth,

    /// <summary>IAM ListRoles of the credentials' account (paged).</summary>
    IamRoles,

    /// <summary>IAM ListUsers of the credentials' account (paged).</summary>
    IamUsers,

    /// <summary>EKS access entries with their associated policies (not in CONFIG_MAP mode).</summary>
    AccessEntries,
}
