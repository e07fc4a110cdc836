using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// What a plan read of aws-auth: the SHA-256 of each mapping section (<c>mapRoles</c>, <c>mapUsers</c>,
/// <c>mapAccounts</c>) as it was. Part of the precondition of every change made from aws-auth rows: apply refuses such
/// a change (stale) when a section it could come from reads differently now, so an edit of aws-auth after review
/// (a row revoked, a username changed) is never migrated from the old text.
/// </summary>
public static class AwsAuthRead
{
    /// <summary>The data keys of aws-auth that hold mappings.</summary>
    public static readonly ImmutableArray<string> Sections = ["mapAccounts", "mapRoles", "mapUsers"];

    /// <summary>
    /// Section name to the lower-case hex SHA-256 of its text (of <c>non-string</c> when the value is not a string);
    /// sections that are absent are left out.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Of(IEnumerable<KeyValuePair<string, string?>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in data)
        {
            if (Sections.Contains(key, StringComparer.Ordinal))
            {
                result[key] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text is null ? "non-string" : "string:" + text)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The sections whose hash differs between <paramref name="planned"/> and <paramref name="now"/> (added or removed ones included).</summary>
    public static ImmutableArray<string> Changed(IReadOnlyDictionary<string, string> planned, IReadOnlyDictionary<string, string> now)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(now);
        return [.. Sections.Where(s => planned.TryGetValue(s, out var a) != now.TryGetValue(s, out var b) || !string.Equals(a, b, StringComparison.Ordinal))];
    }
}
