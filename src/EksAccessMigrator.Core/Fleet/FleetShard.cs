using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>
/// <c>--shard i/n</c> (1 &lt;= i &lt;= n): shard <c>i</c> of <c>n</c> takes the clusters whose name hashes to it
/// (SHA-256 of the UTF-8 name, its first 8 bytes as an unsigned number, modulo n). A cluster's shard depends on its
/// name and n only, not on the inventory's order or its other clusters, so <c>fleet plan</c> and a later
/// <c>fleet apply</c> of the same shard take the same clusters even when the inventory grew in between; every
/// cluster is in exactly one shard.
/// </summary>
public sealed record FleetShard(int Index, int Count)
{
    public static readonly FleetShard All = new(1, 1);

    /// <summary>The shard of <c>i/n</c>; null with <paramref name="problem"/> set when the text is not one.</summary>
    public static FleetShard? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= 10_000 && index >= 1 && index <= count)
        {
            problem = null;
            return new FleetShard(index, count);
        }

        problem = $"--shard '{text}' is not of the form i/n with 1 <= i <= n <= 10000 (e.g. 2/8: the second of eight shards).";
        return null;
    }

    /// <summary>The 1-based shard <paramref name="name"/> falls into among <paramref name="count"/>.</summary>
    public static int Of(string name, int count)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % (ulong)count) + 1;
    }

    public bool Contains(FleetCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Count == 1 || Of(cluster.Name, Count) == Index;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
