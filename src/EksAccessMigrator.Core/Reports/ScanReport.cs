using System.Collections.Immutable;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Reports;

/// <summary>What a scan found, for the <c>scan</c> command's views.</summary>
public sealed record ScanReport(
    int FilesRead,
    int ObjectsRead,
    string? AwsAuthLocation,
    ImmutableArray<ScannedMapping> Mappings,
    ImmutableArray<string> Accounts,
    ImmutableArray<Finding> Findings)
{
    public static ScanReport From(AwsAuthConfigMap? awsAuth, int filesRead, int objectsRead)
    {
        if (awsAuth is null)
        {
            return new ScanReport(filesRead, objectsRead, null, [], [], []);
        }

        var contents = AwsAuthParser.Parse(awsAuth);
        var inEffect = contents.Mappings.Select(m => m.Source).ToHashSet(StringComparer.Ordinal);
        var rows = contents.Mappings
            .Select(m => Row(m, inEffect: true))
            .OrderBy(r => r.Source, StringComparer.Ordinal)
            .ToImmutableArray();
        var shadowed = contents.EntriesRead
            .Where(s => !inEffect.Contains(s) && !s.Contains(AwsAuthSection.MapAccounts, StringComparison.Ordinal))
            .Select(s => new ScannedMapping(s, "(not in effect: see findings)", null, [], InEffect: false));
        return new ScanReport(
            filesRead,
            objectsRead,
            awsAuth.Location.ToString(),
            [.. rows.Concat(shadowed).OrderBy(r => r.Source, StringComparer.Ordinal)],
            [.. contents.Accounts.Select(a => a.AccountId)],
            [.. contents.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)]);
    }

    private static ScannedMapping Row(AwsAuthMapping mapping, bool inEffect) =>
        new(
            mapping.Source,
            mapping.Arn ?? $"sso: {mapping.Sso!.PermissionSetName} in {mapping.Sso.AccountId}",
            mapping.Username,
            mapping.Groups,
            inEffect);
}
