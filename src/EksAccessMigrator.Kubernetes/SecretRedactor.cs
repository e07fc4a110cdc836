using System.Text.RegularExpressions;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Removes bearer tokens from text that may reach messages or logs.</summary>
internal static partial class SecretRedactor
{
    public static string Scrub(string text) => BearerPattern().Replace(text, "Bearer [REDACTED]");

    [GeneratedRegex(@"Bearer\s+[^\s""',;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();
}
