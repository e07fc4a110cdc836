using System.Collections.Immutable;
using System.Text;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// One generated input of the aws-auth invariants: the rows of mapRoles and mapUsers, an optional mapAccounts row, an
/// optional unparsable mapRoles tail, whether an IAM snapshot is given, and (rule A9) whether the cluster is already
/// in API_AND_CONFIG_MAP with some access entries. Its text is what a failing property prints after shrinking.
/// </summary>
internal sealed record AwsAuthCase(
    ImmutableArray<AwsAuthRow> Rows,
    bool MapAccounts,
    bool BrokenMapRoles,
    bool WithIamSnapshot,
    bool ApiAndConfigMap,
    ImmutableArray<ExistingEntrySpec> ExistingEntries)
{
    public string MapRoles
    {
        get
        {
            var yaml = new StringBuilder();
            foreach (var row in Rows.Where(r => !r.InMapUsers))
            {
                row.AppendTo(yaml);
            }

            return BrokenMapRoles ? yaml.Append("- rolearn: [broken\n").ToString() : yaml.ToString();
        }
    }

    public string MapUsers
    {
        get
        {
            var yaml = new StringBuilder();
            foreach (var row in Rows.Where(r => r.InMapUsers))
            {
                row.AppendTo(yaml);
            }

            return yaml.ToString();
        }
    }

    public string MapAccountsText => MapAccounts ? "- \"777777777777\"\n" : string.Empty;

    /// <summary>Smaller cases first (a row or an entry fewer), then simpler rows; FsCheck keeps the first that still fails.</summary>
    public IEnumerable<AwsAuthCase> Shrink()
    {
        for (var i = 0; i < Rows.Length; i++)
        {
            yield return this with { Rows = Rows.RemoveAt(i) };
        }

        for (var i = 0; i < ExistingEntries.Length; i++)
        {
            yield return this with { ExistingEntries = ExistingEntries.RemoveAt(i) };
        }

        if (ApiAndConfigMap && ExistingEntries.IsEmpty)
        {
            yield return this with { ApiAndConfigMap = false };
        }

        if (BrokenMapRoles)
        {
            yield return this with { BrokenMapRoles = false };
        }

        if (MapAccounts)
        {
            yield return this with { MapAccounts = false };
        }

        if (WithIamSnapshot)
        {
            yield return this with { WithIamSnapshot = false };
        }

        for (var i = 0; i < Rows.Length; i++)
        {
            foreach (var simpler in Rows[i].Shrink())
            {
                yield return this with { Rows = Rows.SetItem(i, simpler) };
            }
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append("mapRoles: |\n").Append(Indent(MapRoles))
            .Append("mapUsers: |\n").Append(Indent(MapUsers))
            .Append("mapAccounts: |\n").Append(Indent(MapAccountsText))
            .Append("IAM snapshot: ").Append(WithIamSnapshot ? "yes" : "no").Append('\n')
            .Append("authentication mode: ").Append(ApiAndConfigMap ? "API_AND_CONFIG_MAP" : "CONFIG_MAP").Append('\n');
        foreach (var entry in ExistingEntries)
        {
            text.Append("existing access entry: ").Append(entry).Append('\n');
        }

        return text.ToString();
    }

    private static string Indent(string yaml) =>
        string.Concat(yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line + "\n"));
}
