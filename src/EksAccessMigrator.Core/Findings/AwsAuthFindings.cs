using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules P1-P7 (reading aws-auth as aws-iam-authenticator reads it). Decided in
/// <see cref="AwsAuthParser"/> and <see cref="AwsAuthEntryReader"/> (P1-P4, P6, P7) and in
/// <c>Planning/PrincipalResolver</c> (P5, the user rows of P6, P7's root principals).
/// </summary>
public static class AwsAuthFindings
{
    public static readonly FindingDescriptor UnknownKey = new(FindingCodes.AwsAuthUnknownKey, Severity.Warning, "P1");
    public static readonly FindingDescriptor SectionInvalid = new(FindingCodes.AwsAuthSectionInvalid, Severity.Blocker, "P2");
    public static readonly FindingDescriptor EntryInvalid = new(FindingCodes.AwsAuthEntryInvalid, Severity.Warning, "P3");
    public static readonly FindingDescriptor Duplicate = new(FindingCodes.AwsAuthDuplicate, Severity.Warning, "P4");
    public static readonly FindingDescriptor ArnInvalid = new(FindingCodes.PrincipalArnInvalid, Severity.Blocker, "P5");
    public static readonly FindingDescriptor RowNeverMatched = new(FindingCodes.AwsAuthRowNeverMatched, Severity.Warning, "P6");
    public static readonly FindingDescriptor DuplicateAcrossSections = new(FindingCodes.AwsAuthDuplicate, Severity.Warning, "P7");
    public static readonly FindingDescriptor RootPrincipal = new(FindingCodes.RootPrincipalUnsupported, Severity.Blocker, "P7");

    /// <summary>P1: a key under <c>data</c> that is none of the three (case-sensitive) section keys.</summary>
    public static Finding DataKeyUnknown(string key, SourceLocation location)
    {
        var known = new[] { AwsAuthSection.MapRoles, AwsAuthSection.MapUsers, AwsAuthSection.MapAccounts };
        var match = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        var hint = match is null ? string.Empty : $" (section keys are case-sensitive: did you mean '{match}'?)";
        return UnknownKey.Create($"aws-auth/data/{key}",
            $"aws-auth has a data key '{key}' ({location}) that the authenticator ignores{hint}; nothing of it is in effect or migrated. Remove it, or rename it if it was meant to be a mapping section.",
            $"aws-auth/data/{key}");
    }

    /// <summary>P2: the section is a YAML list or mapping instead of a string.</summary>
    public static Finding SectionNotAString(string key, SourceLocation location) =>
        SectionInvalid.Create($"aws-auth/{key}",
            $"{key} at {location} is a YAML list or mapping, not a string. ConfigMap data must be strings (write '{key}: |' and indent the list under it); the authenticator cannot use it, so nothing in {key} is in effect or migrated.",
            $"aws-auth/{key}");

    /// <summary>P2: the section's string does not parse as YAML.</summary>
    public static Finding SectionDoesNotParse(string key, long sectionLine, string fileLine, string error) =>
        SectionInvalid.Create($"aws-auth/{key}",
            $"{key} does not parse as YAML at line {sectionLine} of the section ({fileLine}): {error}. The authenticator drops the whole section, so nothing in {key} is migrated; fix the YAML and plan again.",
            $"aws-auth/{key}");

    /// <summary>P2: the section parses but is not one YAML list.</summary>
    public static Finding SectionNotAList(string key, SourceLocation location) =>
        SectionInvalid.Create($"aws-auth/{key}",
            $"{key} ({location}) is not a YAML list. The authenticator drops the whole section, so nothing in {key} is migrated; make it a list of entries and plan again.",
            $"aws-auth/{key}");

    /// <summary>P2: a value of the wrong type somewhere in the section (the authenticator drops the section).</summary>
    public static Finding SectionHasWrongType(string key, string found, string expected, long sectionLine, string fileLine) =>
        SectionInvalid.Create($"aws-auth/{key}",
            $"{key} has a {found} where {expected} belongs, at line {sectionLine} of the section ({fileLine}). The authenticator drops the whole section, so nothing in {key} is migrated; fix the entry and plan again.",
            $"aws-auth/{key}");

    /// <summary>P3: a mapRoles entry with neither rolearn nor sso.</summary>
    public static Finding NeitherRoleArnNorSso(string source) =>
        EntryInvalid.Create(source,
            $"{source} has neither rolearn nor sso, so the authenticator ignores it; nothing is migrated for it. Add the role ARN or remove the entry.",
            source);

    /// <summary>P3: a mapRoles entry with both rolearn and sso.</summary>
    public static Finding BothRoleArnAndSso(string source) =>
        EntryInvalid.Create(source,
            $"{source} has both rolearn and sso, so the authenticator ignores it; nothing is migrated for it. Keep one of the two.",
            source);

    /// <summary>P3: a mapUsers entry without userarn.</summary>
    public static Finding NoUserArn(string source) =>
        EntryInvalid.Create(source,
            $"{source} has no userarn, so the authenticator ignores it; nothing is migrated for it. Add the user ARN or remove the entry.",
            source);

    /// <summary>P3: an sso matcher without permissionSetName or accountID.</summary>
    public static Finding SsoMatcherIncomplete(string source, string missingField) =>
        EntryInvalid.Create(source,
            $"{source} has an sso matcher without {missingField}, so the authenticator cannot use it; nothing is migrated for it. Complete the matcher or remove the entry.",
            source);

    /// <summary>
    /// P4 (rows of one section: the last wins) and P7 (rows in both sections: mapRoles wins). The second wording of
    /// this code, two mappings landing on one role after sso expansion, is <see cref="AccessEntryFindings.MappedMoreThanOnce"/> (A8).
    /// </summary>
    public static Finding Shadowed(string arn, string winner, IReadOnlyList<string> losers, bool acrossSections, IEnumerable<string> sources)
    {
        var why = acrossSections
            ? "the authenticator looks a caller up in mapRoles before mapUsers"
            : "as in the authenticator the last entry wins";
        var count = losers.Count + 1;
        return (acrossSections ? DuplicateAcrossSections : Duplicate).Create(arn,
            $"{arn} is mapped {count} times; {why}, so {winner} is in effect and {string.Join(", ", losers)} {(losers.Count == 1 ? "is" : "are")} ignored. Only {winner} is migrated; remove the others from aws-auth.",
            sources);
    }

    /// <summary>P5: the ARN of a row does not parse.</summary>
    public static Finding ArnDoesNotParse(string text, string source, string? error) =>
        ArnInvalid.Create(text,
            $"The ARN '{text}' in {source} does not parse: {error}. The authenticator cannot match it either; it is not migrated. Correct the ARN in aws-auth and plan again.",
            source);

    /// <summary>P5: an IAM user ARN in mapRoles.</summary>
    public static Finding UserArnInRoleSection(string text, string source, string section) =>
        ArnInvalid.Create(text,
            $"{source} holds an IAM user ARN, but {section} takes role ARNs; it is not migrated and stays in aws-auth. Move the entry to {AwsAuthSection.MapUsers} and plan again.",
            source);

    /// <summary>P5: an sso matcher whose accountID is not an account ID.</summary>
    public static Finding SsoAccountInvalid(string subject, string source, string accountId) =>
        ArnInvalid.Create(subject,
            $"{source} has an sso matcher whose accountID '{accountId}' is not a 12-digit account ID; it is not migrated. Correct it and plan again.",
            source);

    /// <summary>P6: a role row written with a path, or an STS session ARN: the canonical ARN never equals it.</summary>
    public static Finding RoleRowNeverMatched(string arn, string source, string why, string canonical) =>
        RowNeverMatched.Create(arn,
            $"{source} maps '{arn}', but {why}: the authenticator looks callers up by their canonical ARN ({canonical}), so this row never matched anyone and grants nothing today. It is not migrated (that would grant access nobody had) and does not count against other rows for the same role. If the role should have this access, that is a new grant: review it, write the row as {canonical} or create the access entry deliberately; otherwise remove the row.",
            source);

    /// <summary>P6: a user row without the user's real path (a user's canonical ARN keeps it).</summary>
    public static Finding UserRowNeverMatched(string arn, string source, string real) =>
        RowNeverMatched.Create(arn,
            $"{source} maps '{arn}', but the user's ARN is {real}: the authenticator looks callers up by their canonical ARN, which includes the user's path, so this row never matched anyone and grants nothing today. It is not migrated (that would grant access nobody had). If the user should have this access, that is a new grant: review it, write the row as {real} or create the access entry deliberately; otherwise remove the row.",
            source);

    /// <summary>P7: an account root ARN; EKS accepts and then ignores root access entries.</summary>
    public static Finding RootUser(string text, string source, string account) =>
        RootPrincipal.Create(text,
            $"{source} maps the root user of account {account}. The authenticator does let the root user in through this row, but EKS accepts an access entry for a root principal and then ignores it, so this access cannot be migrated. It stays in aws-auth; give the people who use the root user an IAM role or user of their own, map that instead, and plan again.",
            source);
}
