namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Parses a raw query string (without '?') into percent-decoded pairs.</summary>
internal static class RawQuery
{
    public static IReadOnlyList<KeyValuePair<string, string>> Pairs(string rawQuery)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return result;
    }

    public static Dictionary<string, string> Dictionary(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Pairs(rawQuery))
        {
            result[pair.Key] = pair.Value;
        }

        return result;
    }
}
