using System.Security.Cryptography;
using System.Text;

namespace EksAccessMigrator.Cli.Export;

/// <summary>
/// Stable, unique names for exported resources: readable (from the principal or ServiceAccount) and suffixed with a
/// short hash of the full identity, so two principals of the same name in different paths or accounts never collide
/// and the same plan always exports the same names.
/// </summary>
public static class ExportNames
{
    public static string For(string prefix, string readable, string identity)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(identity);
        var clean = new StringBuilder(prefix);
        foreach (var c in readable.ToLowerInvariant())
        {
            clean.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        var name = clean.ToString();
        if (name.Length > 48)
        {
            name = name[..48];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..8];
        return $"{name.TrimEnd('_')}_{hash}";
    }

    /// <summary>The last segment of an ARN's resource (the role or user name).</summary>
    public static string LastSegment(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var slash = arn.LastIndexOf('/');
        return slash < 0 ? arn : arn[(slash + 1)..];
    }
}
