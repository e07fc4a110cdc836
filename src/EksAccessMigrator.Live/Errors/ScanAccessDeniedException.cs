namespace EksAccessMigrator.Live.Errors;

/// <summary>
/// The credentials were refused: a missing permission (<see cref="Permission"/> names it, e.g.
/// <c>iam:ListRoles</c> or a Kubernetes RBAC verb), or credentials that are invalid or expired.
/// </summary>
public sealed class ScanAccessDeniedException : LiveScanException
{
    public ScanAccessDeniedException()
    {
    }

    public ScanAccessDeniedException(string message)
        : base(message)
    {
    }

    public ScanAccessDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ScanAccessDeniedException(ScanStep step, string operation, string permission, string message, Exception? innerException)
        : base(step, message, innerException)
    {
        Operation = operation;
        Permission = permission;
    }

    /// <summary>The call that was refused, e.g. <c>ListRoles</c> or <c>get configmap kube-system/aws-auth</c>.</summary>
    public string? Operation { get; }

    /// <summary>What the caller needs, e.g. <c>iam:ListRoles</c>.</summary>
    public string? Permission { get; }
}
