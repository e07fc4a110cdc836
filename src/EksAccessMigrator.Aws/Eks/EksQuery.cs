using System.Globalization;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Eks;

/// <summary>Builds a REST query string in insertion order, skipping absent values.</summary>
internal sealed class EksQuery
{
    private readonly List<string> _parts = [];

    public EksQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _parts.Add(SigV4Encoding.UriEncode(name) + "=" + SigV4Encoding.UriEncode(value));
        }

        return this;
    }

    public EksQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => string.Join('&', _parts);
}
