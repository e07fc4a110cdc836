namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Finding codes: a stable interface read by people and scripts. A code, once shipped, never changes meaning.
/// The rule each one belongs to is in docs/mapping-rules.md.
/// </summary>
public static class FindingCodes
{
    // Reading aws-auth (P1-P5)
    public const string AwsAuthUnknownKey = "aws-auth-unknown-key";
    public const string AwsAuthSectionInvalid = "aws-auth-section-invalid";
    public const string AwsAuthEntryInvalid = "aws-auth-entry-invalid";
    public const string AwsAuthDuplicate = "aws-auth-duplicate";
    public const string PrincipalArnInvalid = "principal-arn-invalid";

    // Project rules beside P1-P5 (docs/mapping-rules.md, X-rules)
    public const string AwsAuthUnknownField = "aws-auth-unknown-field";
    public const string AwsAuthNotFound = "aws-auth-not-found";
    public const string AwsAuthNotInEffect = "aws-auth-not-in-effect";
    public const string AwsAuthArnHasPath = "aws-auth-arn-has-path";
    public const string UserIdNotMigratable = "userid-not-migratable";
    public const string SessionNameRawRewritten = "session-name-raw-rewritten";
    public const string MigrateChangesPending = "migrate-changes-pending";

    // aws-auth to access entries (A1-A11)
    public const string PrincipalPathUnverified = "principal-path-unverified";
    public const string PrincipalNotFound = "principal-not-found";
    public const string NodeRoleCrossAccount = "node-role-cross-account";
    public const string NodeMappingUnrecognized = "node-mapping-unrecognized";
    public const string GroupNotMigratable = "group-not-migratable";
    public const string UsernameTemplateUnsupported = "username-template-unsupported";
    public const string UsernameReservedPrefix = "username-reserved-prefix";
    public const string UsernameGenerated = "username-generated";
    public const string MapAccountsUnsupported = "map-accounts-unsupported";
    public const string ServiceLinkedRole = "service-linked-role";
    public const string SsoMatcherUnresolved = "sso-matcher-unresolved";
    public const string AccessEntryConflict = "access-entry-conflict";
    public const string ExtraAccessPolicy = "extra-access-policy";
    public const string ClusterCreatorAdmin = "cluster-creator-admin";
    public const string AccessEntryQuota = "access-entry-quota";

    // Authentication mode (M1-M3)
    public const string ApiModeUnsafe = "api-mode-unsafe";
}
