using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>What each <see cref="AuthenticationMode"/> means, and reading one from text.</summary>
public static class AuthenticationModes
{
    extension(AuthenticationMode)
    {
        /// <summary>The mode with exactly this wire text (as the EKS API returns it); null when unknown.</summary>
        public static AuthenticationMode? FromWire(string? text) => WireNames.TryParse<AuthenticationMode>(text, out var mode) ? mode : null;

        /// <summary>Normalises user input such as <c>api_and_config_map</c>; null when unknown.</summary>
        public static AuthenticationMode? Parse(string? text) => AuthenticationMode.FromWire(text?.Trim().Replace('-', '_').ToUpperInvariant());

        /// <summary>True when aws-auth is read by the cluster in this mode.</summary>
        public static bool ReadsConfigMap(AuthenticationMode mode) => mode is AuthenticationMode.ConfigMap or AuthenticationMode.ApiAndConfigMap;

        /// <summary>True when access entries are in effect in this mode.</summary>
        public static bool ReadsAccessEntries(AuthenticationMode mode) => mode is AuthenticationMode.ApiAndConfigMap or AuthenticationMode.Api;
    }
}
