using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>
/// Reads one mapRoles/mapUsers entry. Keys are matched case-insensitively; scalars of any YAML type are taken
/// as their text where a string belongs (as sigs.k8s.io/yaml converts them); a list or mapping where a string
/// belongs, or a scalar where a list belongs, is a type error that invalidates the section.
/// </summary>
internal sealed class AwsAuthEntryReader(AwsAuthDataValue section, int index, YamlMappingNode entry)
{
    private static readonly string[] KnownFields = ["rolearn", "userarn", "username", "groups", "sso", "userid"];

    public FindingList Findings { get; } = new();

    /// <summary>True when the entry was read but the authenticator would ignore it (a finding says why).</summary>
    public bool Invalid { get; private set; }

    public bool TryRead(out AwsAuthMapping? mapping, [NotNullWhen(false)] out WrongType? wrongType)
    {
        mapping = null;
        string? arn = null, username = null, userId = null;
        SsoMatcher? sso = null;
        var groups = ImmutableArray<string>.Empty;
        var source = AwsAuthSection.Source(section.Key, index);
        var isRoles = section.Key == AwsAuthSection.MapRoles;

        foreach (var (keyNode, valueNode) in entry.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.ToLowerInvariant();
            switch (key)
            {
                case "rolearn" when isRoles:
                case "userarn" when !isRoles:
                    if (!TryScalar(valueNode, "an ARN", out arn, out wrongType))
                    {
                        return false;
                    }

                    break;
                case "username":
                    if (!TryScalar(valueNode, "a username", out username, out wrongType))
                    {
                        return false;
                    }

                    break;
                case "userid":
                    if (!TryScalar(valueNode, "a user ID", out userId, out wrongType))
                    {
                        return false;
                    }

                    break;
                case "groups":
                    if (!TryGroups(valueNode, out groups, out wrongType))
                    {
                        return false;
                    }

                    break;
                case "sso" when isRoles:
                    if (!TrySso(valueNode, source, out sso, out wrongType))
                    {
                        return false;
                    }

                    break;
                default:
                    var name = (keyNode as YamlScalarNode)?.Value ?? "?";
                    var why = KnownFields.Contains(key) ? $"'{name}' does not belong in {section.Key}" : $"'{name}' is not a field the authenticator knows";
                    Findings.Add(ProjectFindings.EntryFieldIgnored(source, name, section.Key, KnownFields.Contains(key), AwsAuthParser.FileLine(section, (int)keyNode.Start.Line)));
                    break;
            }
        }

        mapping = new AwsAuthMapping(section.Key, index, Blank(arn), sso, Blank(username), groups, Blank(userId));
        wrongType = null;
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryScalar(YamlNode node, string expected, out string? value, [NotNullWhen(false)] out WrongType? wrongType)
    {
        if (node is YamlScalarNode scalar)
        {
            value = IsNull(scalar) ? null : scalar.Value;
            wrongType = null;
            return true;
        }

        value = null;
        wrongType = new WrongType(node, expected);
        return false;
    }

    private static bool TryGroups(YamlNode node, out ImmutableArray<string> groups, [NotNullWhen(false)] out WrongType? wrongType)
    {
        groups = ImmutableArray<string>.Empty;
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            wrongType = null;
            return true;
        }

        if (node is not YamlSequenceNode sequence)
        {
            wrongType = new WrongType(node, "a list of groups");
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode group)
            {
                wrongType = new WrongType(item, "a group name");
                return false;
            }

            if (!IsNull(group) && !string.IsNullOrWhiteSpace(group.Value))
            {
                builder.Add(group.Value!.Trim());
            }
        }

        groups = builder.ToImmutable();
        wrongType = null;
        return true;
    }

    private bool TrySso(YamlNode node, string source, out SsoMatcher? sso, [NotNullWhen(false)] out WrongType? wrongType)
    {
        sso = null;
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            wrongType = null;
            return true;
        }

        if (node is not YamlMappingNode map)
        {
            wrongType = new WrongType(node, "an sso matcher (permissionSetName, accountID, partition)");
            return false;
        }

        string? permissionSet = null, account = null, partition = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.ToLowerInvariant();
            string? text;
            if (!TryScalar(valueNode, "a string", out text, out wrongType))
            {
                return false;
            }

            switch (key)
            {
                case "permissionsetname": permissionSet = Blank(text); break;
                case "accountid": account = Blank(text); break;
                case "partition": partition = Blank(text); break;
                default:
                    Findings.Add(ProjectFindings.SsoFieldIgnored(source, (keyNode as YamlScalarNode)?.Value, AwsAuthParser.FileLine(section, (int)keyNode.Start.Line)));
                    break;
            }
        }

        wrongType = null;
        if (permissionSet is null || account is null)
        {
            Findings.Add(AwsAuthFindings.SsoMatcherIncomplete(source, permissionSet is null ? "permissionSetName" : "accountID"));
            Invalid = true;
            return true;
        }

        sso = new SsoMatcher(permissionSet, account, partition ?? "aws");
        return true;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
