namespace EksAccessMigrator.Core.Arns;

/// <summary>Turns the ARN STS reports for a caller into the IAM principal it stands for.</summary>
public static class CallerArn
{
    /// <summary>
    /// <c>arn:aws:sts::1:assumed-role/Name/session</c> becomes the path-less role ARN
    /// <c>arn:aws:iam::1:role/Name</c>; IAM role and user ARNs are returned as they are.
    /// </summary>
    public static IamPrincipalArn? ToPrincipal(string? arn)
    {
        if (IamPrincipalArn.TryParse(arn, out var principal, out _))
        {
            return principal;
        }

        var parts = arn?.Split(':', 6);
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[2] != "sts" || !AccountIds.IsValid(parts[4]))
        {
            return null;
        }

        var resource = parts[5].Split('/');
        if (resource.Length < 3 || resource[0] != "assumed-role")
        {
            return null;
        }

        return IamPrincipalArn.TryParse($"arn:{parts[1]}:iam::{parts[4]}:role/{resource[1]}", out var role, out _) ? role : null;
    }
}
