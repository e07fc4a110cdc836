using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// aws-auth as it is now, for the source condition of changes made from it (<see cref="AwsAuthSourceCondition"/>),
/// read cheaply: its resourceVersion first, without its data; the whole ConfigMap only when that version is not the
/// one last read in full. The API server changes the version with every write, so an equal version is the same data;
/// each check still reads the cluster right before its call, and an edit of aws-auth is seen by the next check.
/// A 1,000-row aws-auth is about 100 KB: without this, every step of a large apply read all of it again.
/// </summary>
internal sealed class AwsAuthVersionedRead
{
    private const string Namespace = "kube-system";
    private const string Name = "aws-auth";

    private volatile Full? _last;

    /// <summary>Whether aws-auth exists, and its sections as <see cref="AwsAuthRead.Of"/> reads them.</summary>
    public async Task<(bool Exists, ImmutableSortedDictionary<string, string> Now)> ReadAsync(IClusterObjects objects, CancellationToken ct)
    {
        var version = await objects.GetConfigMapVersionAsync(Namespace, Name, ct).ConfigureAwait(false);
        if (version is null)
        {
            return (false, AwsAuthRead.Of([]));
        }

        if (_last is { } last && version.Length > 0 && string.Equals(last.Version, version, StringComparison.Ordinal))
        {
            return last.Read;
        }

        var live = await objects.GetConfigMapAsync(Namespace, Name, ct).ConfigureAwait(false);
        var read = (live is not null, AwsAuthRead.Of((live?.Data ?? new Dictionary<string, string>()).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))));
        if (live?.ResourceVersion is { Length: > 0 } readVersion)
        {
            _last = new Full(readVersion, read);
        }

        return read;
    }

    private sealed record Full(string Version, (bool Exists, ImmutableSortedDictionary<string, string> Now) Read);
}
