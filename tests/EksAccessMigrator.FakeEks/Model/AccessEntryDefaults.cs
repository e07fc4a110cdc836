namespace EksAccessMigrator.FakeEks.Model;

/// <summary>What EKS fills in when an access entry is created without a username or groups.</summary>
internal static class AccessEntryDefaults
{
    public const string Standard = "STANDARD";

    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Standard, "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "EC2", "HYBRID_LINUX", "HYPERPOD_LINUX",
    };

    public static string Username(string principalArn, string type)
    {
        switch (type)
        {
            case Standard:
                var arn = PrincipalArn.Parse(principalArn);
                return arn is { IsRole: true }
                    ? $"arn:aws:sts::{arn.AccountId}:assumed-role/{arn.Name}/{{{{SessionName}}}}"
                    : principalArn;
            case "FARGATE_LINUX" or "HYBRID_LINUX" or "HYPERPOD_LINUX":
                return "system:node:{{SessionName}}";
            default:
                return "system:node:{{EC2PrivateDNSName}}";
        }
    }

    public static List<string> Groups(string type) => type switch
    {
        Standard => [],
        "EC2" or "HYPERPOD_LINUX" => [],
        "FARGATE_LINUX" => ["system:node-proxier", "system:nodes"],
        _ => ["system:nodes"],
    };
}
