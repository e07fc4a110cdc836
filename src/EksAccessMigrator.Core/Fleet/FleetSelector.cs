namespace EksAccessMigrator.Core.Fleet;

/// <summary>One <c>--only</c> or <c>--exclude</c> value: a cluster name, or <c>tag=value</c> (exact, case-sensitive).</summary>
public sealed record FleetSelector(string Text, string? TagKey, string? TagValue)
{
    public static FleetSelector Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? new FleetSelector(trimmed, null, null) : new FleetSelector(trimmed, trimmed[..equals].Trim(), trimmed[(equals + 1)..].Trim());
    }

    public bool IsTag => TagKey is not null;

    public bool Matches(FleetCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return IsTag
            ? cluster.Tags.TryGetValue(TagKey!, out var value) && string.Equals(value, TagValue, StringComparison.Ordinal)
            : string.Equals(cluster.Name, Text, StringComparison.Ordinal);
    }
}
