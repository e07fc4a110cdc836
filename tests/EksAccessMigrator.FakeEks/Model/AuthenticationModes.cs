namespace EksAccessMigrator.FakeEks.Model;

/// <summary>Cluster authentication modes and their one-way order.</summary>
internal static class AuthenticationModes
{
    private static readonly string[] Order = ["CONFIG_MAP", "API_AND_CONFIG_MAP", "API"];

    public static bool IsValid(string mode) => Array.IndexOf(Order, mode) >= 0;

    /// <summary>True when EKS allows the change: only towards API, never back.</summary>
    public static bool IsAllowedChange(string from, string to) => Array.IndexOf(Order, to) > Array.IndexOf(Order, from);
}
