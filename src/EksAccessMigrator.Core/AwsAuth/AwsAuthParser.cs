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
                var hint = AwsAuthSectionHint(value.Key);
                findings.Warning(FindingCodes.AwsAuthUnknownKey, $"aws-auth/data/{value.Key}",
                    $"aws-auth has a data key '{value.Key}' ({value.Location}) that the authenticator ignores{hint}; nothing of it is in effect or migrated. Remove it, or rename it if it was meant to be a mapping section.",
                    $"aws-auth/data/{value.Key}");
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

    private static string AwsAuthSectionHint(string key)
    {
        var known = new[] { AwsAuthSection.MapRoles, AwsAuthSection.MapUsers, AwsAuthSection.MapAccounts };
        var match = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return match is null ? string.Empty : $" (section keys are case-sensitive: did you mean '{match}'?)";
    }

    private static YamlSequenceNode? LoadSection(AwsAuthDataValue value, FindingList findings)
    {
        var subject = $"aws-auth/{value.Key}";
        if (!value.IsString || value.Text is null)
        {
            findings.Blocker(FindingCodes.AwsAuthSectionInvalid, subject,
                $"{value.Key} at {value.Location} is a YAML list or mapping, not a string. ConfigMap data must be strings (write '{value.Key}: |' and indent the list under it); the authenticator cannot use it, so nothing in {value.Key} is in effect or migrated.",
                subject);
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
            findings.Blocker(FindingCodes.AwsAuthSectionInvalid, subject,
                $"{value.Key} does not parse as YAML at line {ex.Start.Line} of the section ({line}): {FirstLine(ex.Message)}. The authenticator drops the whole section, so nothing in {value.Key} is migrated; fix the YAML and plan again.",
                subject);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlSequenceNode();
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            findings.Blocker(FindingCodes.AwsAuthSectionInvalid, subject,
                $"{value.Key} ({value.Location}) is not a YAML list. The authenticator drops the whole section, so nothing in {value.Key} is migrated; make it a list of entries and plan again.",
                subject);
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
                sectionFindings.Warning(FindingCodes.AwsAuthEntryInvalid, mapping.Source,
                    mapping.Arn is null
                        ? $"{mapping.Source} has neither rolearn nor sso, so the authenticator ignores it; nothing is migrated for it. Add the role ARN or remove the entry."
                        : $"{mapping.Source} has both rolearn and sso, so the authenticator ignores it; nothing is migrated for it. Keep one of the two.",
                    mapping.Source);
                continue;
            }

            if (!isRoles && mapping.Arn is null)
            {
                sectionFindings.Warning(FindingCodes.AwsAuthEntryInvalid, mapping.Source,
                    $"{mapping.Source} has no userarn, so the authenticator ignores it; nothing is migrated for it. Add the user ARN or remove the entry.",
                    mapping.Source);
                continue;
            }

            parsed.Add(mapping);
        }

        mappings.AddRange(parsed);
        findings.AddRange(sectionFindings.Items);
    }

    private static void SectionHasWrongType(AwsAuthDataValue value, YamlNode node, string expected, FindingList findings)
    {
        var subject = $"aws-auth/{value.Key}";
        var line = FileLine(value, (int)node.Start.Line);
        findings.Blocker(FindingCodes.AwsAuthSectionInvalid, subject,
            $"{value.Key} has a {Describe(node)} where {expected} belongs, at line {node.Start.Line} of the section ({line}). The authenticator drops the whole section, so nothing in {value.Key} is migrated; fix the entry and plan again.",
            subject);
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
            findings.Warning(FindingCodes.AwsAuthRowNeverMatched, mapping.Arn!,
                $"{mapping.Source} maps '{mapping.Arn}', but {why}: the authenticator looks callers up by their canonical ARN ({canonical}), so this row never matched anyone and grants nothing today. It is not migrated (that would grant access nobody had) and does not count against other rows for the same role. If the role should have this access, that is a new grant: review it, write the row as {canonical} or create the access entry deliberately; otherwise remove the row.",
                mapping.Source);
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
            var why = ordered.Select(m => m.Section).Distinct().Count() > 1
                ? "the authenticator looks a caller up in mapRoles before mapUsers"
                : "as in the authenticator the last entry wins";
            findings.Warning(FindingCodes.AwsAuthDuplicate, winner.Arn!,
                $"{winner.Arn} is mapped {ordered.Count} times; {why}, so {winner.Source} is in effect and {string.Join(", ", losers.Select(l => l.Source))} {(losers.Count == 1 ? "is" : "are")} ignored. Only {winner.Source} is migrated; remove the others from aws-auth.",
                [.. ordered.Select(m => m.Source)]);
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
