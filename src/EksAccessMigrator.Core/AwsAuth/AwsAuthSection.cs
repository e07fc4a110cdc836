namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>The three data keys of aws-auth that carry mappings (case-sensitive, rule P1).</summary>
public static class AwsAuthSection
{
    public const string MapRoles = "mapRoles";
    public const string MapUsers = "mapUsers";
    public const string MapAccounts = "mapAccounts";

    public static bool IsKnown(string key) => key is MapRoles or MapUsers or MapAccounts;

    public static string Source(string section, int index) => $"aws-auth/{section}[{index}]";
}
