using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>
/// Reads aws-auth's data sections the way aws-iam-authenticator does (rules P1-P4, P6, P7): the three section keys
/// are case-sensitive strings of YAML; keys inside an entry are case-insensitive; a section that does not
/// parse, or holds a value of the wrong type, is dropped whole; rows no caller can match are set aside; of the
/// rows one caller matches, the one the authenticator finds first wins.
/// </summary>
public static class AwsAuthParser
{
    public static AwsAuthContents Parse(AwsAuthConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var findings = new FindingList();
        var mappings = new List<AwsAuthMapping>();
        var accounts = new List<AwsAuthAccount>();
        var read = new List<string>();

        foreach (var value in configMap.Data.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!AwsAuthSection.IsKnown(value.Key))
            {
                findings.Add(AwsAuthFindings.DataKeyUnknown(value.Key, value.Location));
                continue;
            }

            var root = LoadSection(value, findings);
            if (root is null)
            {
                continue;
            }

            if (value.Key == AwsAuthSection.MapAccounts)
            {
                ReadAccounts(root, value, findings, accounts, read);
            }
            else
            {
                ReadMappings(root, value, findings, mappings, read);
            }
        }

        var neverMatched = SetAsideNeverMatched(mappings, findings);
        var shadowed = new List<(AwsAuthMapping, AwsAuthMapping)>();
        var effective = ResolveDuplicates(mappings.Except(neverMatched).ToList(), findings, shadowed);
        return new AwsAuthContents(
            [.. effective],
            [.. accounts],
            [.. findings.Items],
            [.. read],
            [.. shadowed],
            [.. neverMatched]);
    }

    private static YamlSequenceNode? LoadSection(AwsAuthDataValue value, FindingList findings)
    {
        if (!value.IsString || value.Text is null)
        {
            findings.Add(AwsAuthFindings.SectionNotAString(value.Key, value.Location));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(value.Text));
        }
        catch (YamlException ex)
        {
            var line = FileLine(value, (int)ex.Start.Line);
            findings.Add(AwsAuthFindings.SectionDoesNotParse(value.Key, ex.Start.Line, line, FirstLine(ex.Message)));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlSequenceNode();
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            findings.Add(AwsAuthFindings.SectionNotAList(value.Key, value.Location));
            return null;
        }

        return sequence;
    }

    private static void ReadAccounts(YamlSequenceNode root, AwsAuthDataValue value, FindingList findings, List<AwsAuthAccount> accounts, List<string> read)
    {
        var parsed = new List<AwsAuthAccount>();
        for (var i = 0; i < root.Children.Count; i++)
        {
            if (root.Children[i] is not YamlScalarNode scalar || scalar.Value is null)
            {
                SectionHasWrongType(value, root.Children[i], "an account ID", findings);
                return;
            }

            parsed.Add(new AwsAuthAccount(i, scalar.Value));
        }

        accounts.AddRange(parsed);
        read.AddRange(parsed.Select(a => a.Source));
    }

    private static void ReadMappings(YamlSequenceNode root, AwsAuthDataValue value, FindingList findings, List<AwsAuthMapping> mappings, List<string> read)
    {
        var parsed = new List<AwsAuthMapping>();
        var sectionFindings = new FindingList();
        var isRoles = value.Key == AwsAuthSection.MapRoles;
        for (var i = 0; i < root.Children.Count; i++)
        {
            if (root.Children[i] is not YamlMappingNode entry)
            {
                SectionHasWrongType(value, root.Children[i], "a mapping (rolearn/userarn, username, groups)", findings);
                return;
            }

            var reader = new AwsAuthEntryReader(value, i, entry);
            if (!reader.TryRead(out var mapping, out var wrongType))
            {
                SectionHasWrongType(value, wrongType.Node, wrongType.Expected, findings);
                return;
            }

            read.Add(AwsAuthSection.Source(value.Key, i));
            sectionFindings.AddRange(reader.Findings.Items);
            if (mapping is null || reader.Invalid)
            {
                continue;
            }

            if (isRoles && mapping.Arn is null == (mapping.Sso is null))
            {
                sectionFindings.Add(mapping.Arn is null ? AwsAuthFindings.NeitherRoleArnNorSso(mapping.Source) : AwsAuthFindings.BothRoleArnAndSso(mapping.Source));
                continue;
            }

            if (!isRoles && mapping.Arn is null)
            {
                sectionFindings.Add(AwsAuthFindings.NoUserArn(mapping.Source));
                continue;
            }

            parsed.Add(mapping);
        }

        mappings.AddRange(parsed);
        findings.AddRange(sectionFindings.Items);
    }

    private static void SectionHasWrongType(AwsAuthDataValue value, YamlNode node, string expected, FindingList findings)
    {
        var line = FileLine(value, (int)node.Start.Line);
        findings.Add(AwsAuthFindings.SectionHasWrongType(value.Key, Describe(node), expected, node.Start.Line, line));
    }

    private static List<AwsAuthMapping> SetAsideNeverMatched(List<AwsAuthMapping> mappings, FindingList findings)
    {
        // Rule P6: a row keyed by an ARN no caller has is inert; migrating it would grant access nobody had (I2).
        var inert = new List<AwsAuthMapping>();
        foreach (var mapping in mappings)
        {
            if (!AuthenticatorLookup.NeverMatches(mapping, out var canonical, out var why))
            {
                continue;
            }

            inert.Add(mapping);
            findings.Add(AwsAuthFindings.RoleRowNeverMatched(mapping.Arn!, mapping.Source, why, canonical));
        }

        return inert;
    }

    private static IEnumerable<AwsAuthMapping> ResolveDuplicates(List<AwsAuthMapping> mappings, FindingList findings, List<(AwsAuthMapping, AwsAuthMapping)> shadowedBy)
    {
        // Rules P4 and P7: role ARNs compare case-insensitively, user ARNs exactly; the authenticator tries
        // mapRoles before mapUsers, and within a section the last entry wins.
        var groups = mappings
            .Where(m => m.Arn is not null)
            .GroupBy(AuthenticatorLookup.KeyOf, StringComparer.Ordinal);
        var shadowed = new HashSet<AwsAuthMapping>();
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(AuthenticatorLookup.Precedence).ToList();
            if (ordered.Count < 2)
            {
                continue;
            }

            var winner = ordered[^1];
            var losers = ordered.Take(ordered.Count - 1).ToList();
            shadowed.UnionWith(losers);
            shadowedBy.AddRange(losers.Select(l => (l, winner)));
            var acrossSections = ordered.Select(m => m.Section).Distinct().Count() > 1;
            findings.Add(AwsAuthFindings.Shadowed(winner.Arn!, winner.Source, [.. losers.Select(l => l.Source)], acrossSections, ordered.Select(m => m.Source)));
        }

        return mappings.Where(m => !shadowed.Contains(m));
    }

    internal static string FileLine(AwsAuthDataValue value, int sectionLine) =>
        value.Location.Line > 0
            ? $"{value.Location.File}:{value.Location.Line + value.ContentLineOffset + Math.Max(sectionLine, 1) - 1}"
            : value.Location.File;

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        YamlScalarNode s => $"scalar '{Truncate(s.Value ?? "null")}'",
        _ => "value",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static string FirstLine(string message)
    {
        var index = message.IndexOfAny(['\r', '\n']);
        return index < 0 ? message : message[..index];
    }
}
