namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// The wire values of an EKS cluster's <c>accessConfig.authenticationMode</c>. They only move forward:
/// CONFIG_MAP, then API_AND_CONFIG_MAP, then API.
/// </summary>
public static class AuthenticationMode
{
    public const string ConfigMap = "CONFIG_MAP";
    public const string ApiAndConfigMap = "API_AND_CONFIG_MAP";
    public const string Api = "API";

    public static bool IsKnown(string? mode) => mode is ConfigMap or ApiAndConfigMap or Api;

    /// <summary>Normalises user input such as <c>api_and_config_map</c>; null when unknown.</summary>
    public static string? Parse(string? text)
    {
        var upper = text?.Trim().Replace('-', '_').ToUpperInvariant();
        return IsKnown(upper) ? upper : null;
    }

    /// <summary>True when aws-auth is read by the cluster in this mode.</summary>
    public static bool ReadsConfigMap(string mode) => mode is ConfigMap or ApiAndConfigMap;

    /// <summary>True when access entries are in effect in this mode.</summary>
    public static bool ReadsAccessEntries(string mode) => mode is ApiAndConfigMap or Api;
}
