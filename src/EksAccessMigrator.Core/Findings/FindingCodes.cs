namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Finding codes: a stable interface read by people and scripts. A code, once shipped, never changes meaning.
/// The rule each one belongs to is in docs/mapping-rules.md and docs/mapping-rules-workloads.md; its severity, rule
/// id and wording are owned by the catalogue (<see cref="FindingDescriptor"/> and the <c>*Findings</c> classes beside
/// this one), never by a call site.
/// </summary>
public static class FindingCodes
{
    // Reading aws-auth (P1-P5)
    public const string AwsAuthUnknownKey = "aws-auth-unknown-key";
    public const string AwsAuthSectionInvalid = "aws-auth-section-invalid";
    public const string AwsAuthEntryInvalid = "aws-auth-entry-invalid";
    public const string AwsAuthDuplicate = "aws-auth-duplicate";
    public const string PrincipalArnInvalid = "principal-arn-invalid";

    // Reading aws-auth (P6-P7)
    public const string AwsAuthRowNeverMatched = "aws-auth-row-never-matched";
    public const string RootPrincipalUnsupported = "root-principal-unsupported";

    // Project rules beside the P, A and M rules (docs/mapping-rules.md, X-rules)
    public const string AwsAuthUnknownField = "aws-auth-unknown-field";
    public const string AwsAuthNotFound = "aws-auth-not-found";
    public const string AwsAuthNotInEffect = "aws-auth-not-in-effect";
    public const string UserIdNotMigratable = "userid-not-migratable";
    public const string MigrateChangesPending = "migrate-changes-pending";
    public const string AwsAuthCleanupManual = "aws-auth-cleanup-manual";
    public const string NothingToMigrate = "nothing-to-migrate";
    public const string AccessEntriesUnknown = "access-entries-unknown";

    // aws-auth to access entries (A1-A11)
    public const string PrincipalPathUnverified = "principal-path-unverified";
    public const string PrincipalNotFound = "principal-not-found";
    public const string NodeRoleCrossAccount = "node-role-cross-account";
    public const string NodeMappingUnrecognized = "node-mapping-unrecognized";
    public const string GroupNotMigratable = "group-not-migratable";
    public const string UsernameTemplateUnsupported = "username-template-unsupported";
    public const string UsernameReservedPrefix = "username-reserved-prefix";
    public const string UsernameGenerated = "username-generated";
    public const string SessionNameRawRewritten = "session-name-raw-rewritten";
    public const string MapAccountsUnsupported = "map-accounts-unsupported";
    public const string ServiceLinkedRole = "service-linked-role";
    public const string SsoMatcherUnresolved = "sso-matcher-unresolved";
    public const string SsoMatcherOverlap = "sso-matcher-overlap";
    public const string NodeRoleSharedOs = "node-role-shared-os";
    public const string AwsAuthRowOverridden = "aws-auth-row-overridden";
    public const string AccessEntryConflict = "access-entry-conflict";
    public const string ExtraAccessPolicy = "extra-access-policy";
    public const string ClusterCreatorAdmin = "cluster-creator-admin";
    public const string AccessEntryQuota = "access-entry-quota";

    // Authentication mode (M1-M3)
    public const string ApiModeUnsafe = "api-mode-unsafe";

    // kube2iam and kiam to Pod Identity (K1-K16)
    public const string AnnotationInCustomResource = "annotation-in-custom-resource";
    public const string RoleBaseUnknown = "role-base-unknown";
    public const string RoleUnresolved = "role-unresolved";
    public const string RolePathMismatch = "role-path-mismatch";
    public const string RoleNotPermitted = "role-not-permitted";
    public const string DedicatedServiceAccount = "dedicated-service-account";
    public const string BarePod = "bare-pod";
    public const string TrustPolicyTooLarge = "trust-policy-too-large";
    public const string CrossAccountRole = "cross-account-role";
    public const string ExternalIdUnsupported = "external-id-unsupported";
    public const string PodIdentityUnsupportedCompute = "pod-identity-unsupported-compute";
    public const string HostNetwork = "host-network";
    public const string DefaultRoleNotMigrated = "default-role-not-migrated";
    public const string VerifyPodIdentityAgent = "verify-pod-identity-agent";
    public const string AssociationConflict = "association-conflict";

    // Agent preflight and node posture (K15, N4)
    public const string AgentPortConflict = "agent-port-conflict";
    public const string ImdsReachableFromPods = "imds-reachable-from-pods";
    public const string AccessPolicySuggested = "access-policy-suggested";
    public const string NodeRoleExtraPolicy = "node-role-extra-policy";
    public const string NodeRoleAssumeAny = "node-role-assume-any";
    public const string CniPolicyOnNodeRole = "cni-policy-on-node-role";

    // IRSA to Pod Identity (R1-R4)
    public const string AddonServiceAccount = "addon-service-account";
    public const string IrsaWildcardTrust = "irsa-wildcard-trust";

    // Project rules beside K1-K14 and R1-R4 (docs/mapping-rules-workloads.md, W-rules)
    public const string IdentityAgentConfiguration = "identity-agent-configuration";
    public const string IdentityAgentsBoth = "identity-agents-both";
    public const string TrustPolicyUnknown = "trust-policy-unknown";
    public const string NamespaceNotFound = "namespace-not-found";
    public const string WorkloadOwnerMissing = "workload-owner-missing";
    public const string JobTemplateImmutable = "job-template-immutable";
    public const string IrsaShadowsAnnotation = "irsa-shadows-annotation";
    public const string IrsaNotIncluded = "irsa-not-included";
    public const string OidcIssuerUnknown = "oidc-issuer-unknown";
    public const string NodeTrustUnknown = "node-trust-unknown";
    public const string TrustStillNeeded = "trust-still-needed";
    public const string TrustSnapshotPredatesMigrate = "trust-snapshot-predates-migrate";
}
