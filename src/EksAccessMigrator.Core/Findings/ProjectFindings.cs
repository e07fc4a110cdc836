using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, the project's own rules where the reference is silent: X (aws-auth, docs/mapping-rules.md) and W
/// (workload identity, docs/mapping-rules-workloads.md). Decided in: X1 <c>AwsAuth/AwsAuthEntryReader</c>; X3, X4
/// (access entries), X8, X9 <c>Planning/MigrationPlanner</c>; X4 (associations) and W1
/// <c>Planning/Workloads/WorkloadIdentityPlanner</c>; X5 <c>Planning/DesiredAccessEntries</c>; X7
/// <c>Planning/AwsAuthCleanup</c>; W2, W4 <c>Planning/Workloads/WorkloadAssessor</c>; W3
/// <c>Planning/Workloads/WorkloadOwnership</c>; W5 <c>Planning/Workloads/ServiceAccountPlanner</c>; W6, W8, W9
/// <c>Planning/Workloads/TrustPolicyPlanner</c>; W7 <c>Planning/Workloads/IdentityConfigurationReader</c>.
/// </summary>
public static class ProjectFindings
{
    public static readonly FindingDescriptor UnknownField = new(FindingCodes.AwsAuthUnknownField, Severity.Warning, "X1");
    public static readonly FindingDescriptor AwsAuthNotFound = new(FindingCodes.AwsAuthNotFound, Severity.Info, "X3");
    public static readonly FindingDescriptor MigrateChangesPending = new(FindingCodes.MigrateChangesPending, Severity.Warning, "X4");
    public static readonly FindingDescriptor UserIdNotMigratable = new(FindingCodes.UserIdNotMigratable, Severity.Warning, "X5");
    public static readonly FindingDescriptor CleanupManual = new(FindingCodes.AwsAuthCleanupManual, Severity.Warning, "X7");
    public static readonly FindingDescriptor NothingToMigrate = new(FindingCodes.NothingToMigrate, Severity.Warning, "X8");
    public static readonly FindingDescriptor AccessEntriesUnknown = new(FindingCodes.AccessEntriesUnknown, Severity.Warning, "X9");
    public static readonly FindingDescriptor AgentConfiguration = new(FindingCodes.IdentityAgentConfiguration, Severity.Info, "W1");
    public static readonly FindingDescriptor NamespaceNotFound = new(FindingCodes.NamespaceNotFound, Severity.Blocker, "W2");
    public static readonly FindingDescriptor OwnerMissing = new(FindingCodes.WorkloadOwnerMissing, Severity.Warning, "W3");
    public static readonly FindingDescriptor IrsaShadowsAnnotation = new(FindingCodes.IrsaShadowsAnnotation, Severity.Warning, "W4");
    public static readonly FindingDescriptor JobTemplateImmutable = new(FindingCodes.JobTemplateImmutable, Severity.Warning, "W5");
    public static readonly FindingDescriptor TrustPolicyUnknown = new(FindingCodes.TrustPolicyUnknown, Severity.Warning, "W6");
    public static readonly FindingDescriptor AgentsBoth = new(FindingCodes.IdentityAgentsBoth, Severity.Warning, "W7");
    public static readonly FindingDescriptor NodeTrustUnknown = new(FindingCodes.NodeTrustUnknown, Severity.Info, "W8");
    public static readonly FindingDescriptor SnapshotPredatesMigrate = new(FindingCodes.TrustSnapshotPredatesMigrate, Severity.Warning, "W9");

    /// <summary>X1: a field of an entry the authenticator does not know, or one that belongs to the other section.</summary>
    public static Finding EntryFieldIgnored(string source, string name, string section, bool belongsElsewhere, string fileLine)
    {
        var why = belongsElsewhere ? $"'{name}' does not belong in {section}" : $"'{name}' is not a field the authenticator knows";
        return UnknownField.Create(source,
            $"{source} has a field {why} ({fileLine}); it is ignored, as by the authenticator. Check the entry for a typo.",
            source);
    }

    /// <summary>X1: a field of an sso matcher the authenticator does not know.</summary>
    public static Finding SsoFieldIgnored(string source, string? name, string fileLine) =>
        UnknownField.Create(source,
            $"{source} has an sso field '{name}' that the authenticator does not know ({fileLine}); it is ignored. Check the entry for a typo.",
            source);

    /// <summary>X3: no aws-auth in the inputs.</summary>
    public static Finding NoAwsAuth() =>
        AwsAuthNotFound.Create("aws-auth",
            "No kube-system/aws-auth ConfigMap was found in the inputs, so there are no aws-auth mappings to migrate. If the cluster has one, add its export to --from.");

    /// <summary>X4: a cutover or finalize plan lists the access-entry changes of migrate that are not applied yet.</summary>
    public static Finding AccessEntryChangesPending(IReadOnlyList<string> addresses, PlanPhase phase, IEnumerable<string> sources) =>
        MigrateChangesPending.Create("aws-auth",
            $"{addresses.Count} access-entry change(s) of the {PlanPhase.Migrate.Wire()} phase are not applied yet ({string.Join(", ", addresses.Take(5))}{(addresses.Count > 5 ? ", ..." : string.Empty)}). The {phase.Wire()} phase does not make them; plan and apply the {PlanPhase.Migrate.Wire()} phase first.",
            sources);

    /// <summary>X4: a cutover or finalize plan lists the associations of migrate that do not exist, or are not known to.</summary>
    public static Finding AssociationsPending(bool existingKnown, IReadOnlyList<string> keys, PlanPhase phase, IEnumerable<string> sources) =>
        MigrateChangesPending.Create("pod-identity",
            existingKnown
                ? $"{keys.Count} Pod Identity association(s) of the {PlanPhase.Migrate.Wire()} phase do not exist yet ({string.Join(", ", keys.Take(5))}{(keys.Count > 5 ? ", ..." : string.Empty)}). Plan and apply the {PlanPhase.Migrate.Wire()} phase first."
                : $"Offline, whether the {keys.Count} Pod Identity association(s) of the {PlanPhase.Migrate.Wire()} phase exist is unknown ({string.Join(", ", keys.Take(5))}{(keys.Count > 5 ? ", ..." : string.Empty)}). Apply this {phase.Wire()} plan only after the {PlanPhase.Migrate.Wire()} plan was applied and verified.",
            sources);

    /// <summary>X5: a <c>userid</c> field; access entries bind to the ARN only.</summary>
    public static Finding UserIdIgnored(string subject, string source, string userId) =>
        UserIdNotMigratable.Create(subject,
            $"{source} also names the principal by its unique ID ({userId}). Access entries are bound to the ARN only: a principal deleted and re-created under the same name would match the entry but not the old mapping. Check that this is acceptable.",
            source);

    /// <summary>X7: a flow-style section whose rows cannot be cut out.</summary>
    public static Finding SectionNotABlockList(string section, IReadOnlyList<string> sources) =>
        CleanupManual.Create($"aws-auth/{section}",
            $"aws-auth's {section} is not written as a block list, so its migrated rows cannot be removed without rewriting the section. Remove {string.Join(", ", sources)} by hand (their access entries exist), then plan again.",
            sources);

    /// <summary>X8: neither aws-auth nor any workload identity in the inputs.</summary>
    public static Finding NoIdentityInInputs() =>
        NothingToMigrate.Create("inputs",
            "The inputs hold neither kube-system/aws-auth nor any kube2iam, kiam or IRSA workload identity, so this plan migrates nothing. If the cluster uses them, the export is incomplete: add the aws-auth ConfigMap and the workloads (kubectl get configmap,deployments,statefulsets,daemonsets,cronjobs,jobs,pods,serviceaccounts,namespaces -A -o yaml) to --from.");

    /// <summary>X9: an offline plan in API_AND_CONFIG_MAP without the existing access entries.</summary>
    public static Finding ExistingEntriesUnknown(ClusterContext cluster) =>
        AccessEntriesUnknown.Create("cluster/access-entries",
            $"The cluster is in {cluster.AuthenticationMode.Wire()} mode, but its existing access entries are unknown (an offline plan without --access-entries). An existing entry overrides its aws-auth row (rule A9) and CreateAccessEntry fails for a principal that already has one, so this plan may create entries that exist. Export them as docs/plan-format.md describes and pass --access-entries, or plan live.");

    /// <summary>W1: the kube2iam or kiam configuration in effect, every flag read as a source.</summary>
    public static Finding ConfigurationInEffect(bool isKiam, IEnumerable<string> settings, IEnumerable<string> sources) =>
        AgentConfiguration.Create(isKiam ? "kiam" : "kube2iam",
            $"{(isKiam ? "kiam" : "kube2iam")} configuration in effect (agent flags, overridden by this tool's options): {string.Join("; ", settings)}.",
            sources);

    /// <summary>W2: restrictions on, but the workload's Namespace is not in the inputs.</summary>
    public static Finding NamespaceMissing(string workload, IamPrincipalArn asked, string agent, string ns) =>
        NamespaceNotFound.Create(workload,
            $"{workload} asks for {asked}, and {agent} restricts roles per namespace, but the Namespace {ns} is not in the inputs, so whether the role was permitted is unknown. Nothing is planned for it (a role that was not permitted must never be migrated). Add 'kubectl get namespaces -o yaml' to --from.",
            workload);

    /// <summary>W3: an annotated pod whose controller is not in the inputs.</summary>
    public static Finding ControllerNotInInputs(string workload, string? controllerKind, string? controllerName) =>
        OwnerMissing.Create(workload,
            $"{workload} has the role annotation but is controlled by {controllerKind} {controllerName}, which is not in the inputs. The owner's pod template is what must change, so nothing is planned for it. Export the owner too (for example 'kubectl get deploy,sts,ds,rs,job,cronjob,pod -A -o yaml') and plan again.",
            workload);

    /// <summary>W4: the workload's ServiceAccount has an IRSA role, which the SDKs use first.</summary>
    public static Finding IrsaWinsOverAgent(string workload, string agent, IamPrincipalArn role, string ns, string serviceAccount, string irsa) =>
        IrsaShadowsAnnotation.Create(workload,
            $"{workload} asks {agent} for {role}, but its ServiceAccount {ns}/{serviceAccount} has the IRSA role {irsa}, which the AWS SDKs use first; the {agent} role was never in use. Nothing is planned from the annotation{(string.IsNullOrEmpty(irsa) ? string.Empty : " (the IRSA role is migrated with --include-irsa)")}; remove it.",
            workload);

    /// <summary>W5: a Job needs a dedicated ServiceAccount (K5), but its template is immutable.</summary>
    public static Finding JobCannotBeMoved(string workload, IamPrincipalArn? role, string why) =>
        JobTemplateImmutable.Create(workload,
            $"{workload} had {role}, but {why}; a Job's pod template cannot be changed once created, so it cannot be moved to a dedicated ServiceAccount. It keeps its annotation. Re-create the Job with its own ServiceAccount (or run it from a CronJob), then plan again.",
            workload);

    /// <summary>W6, migrate: statements are added without the whole document.</summary>
    public static Finding TrustUnknownForAdditions(IamPrincipalArn role, string problem, int statements, IEnumerable<string> sources) =>
        TrustPolicyUnknown.Create(role.ToString(),
            $"The trust policy of {role} is not in the inputs ({problem}), so the plan adds {statements} statement(s) without showing the whole document and cannot check its size. Apply reads the live document and adds only statements that are missing. To review it here, add 'aws iam get-role --role-name {role.Name}' output (or list-roles output) to --iam-snapshot.",
            sources);

    /// <summary>W6, finalize: no clean-up without the document.</summary>
    public static Finding TrustUnknownForRemovals(IamPrincipalArn role, string problem, IEnumerable<string> sources) =>
        TrustPolicyUnknown.Create(role.ToString(),
            $"The trust policy of {role} is not in the inputs ({problem}), so no clean-up of its old trust statements is planned. Add 'aws iam get-role --role-name {role.Name}' output to --iam-snapshot and plan again.",
            sources);

    /// <summary>W7: kube2iam and kiam both in the inputs; kube2iam's rules are used.</summary>
    public static Finding BothAgents(IReadOnlyList<string> kube2iam, IReadOnlyList<string> kiam) =>
        AgentsBoth.Create("identity-agents",
            $"Both kube2iam ({string.Join(", ", kube2iam)}) and kiam ({string.Join(", ", kiam)}) are in the inputs. Only one can intercept the metadata endpoint on a node; the plan follows kube2iam's rules. If kiam is the one in effect, plan again with the kube2iam objects left out of --from.",
            [.. kube2iam, .. kiam]);

    /// <summary>W8: finalize does not know which roles the agents run as.</summary>
    public static Finding AgentRolesUnknown(IamPrincipalArn role, bool isKiam, IEnumerable<string> sources) =>
        NodeTrustUnknown.Create(role.ToString(),
            $"{role} was assumed by {(isKiam ? "the kiam server" : "kube2iam on the nodes")}, but which roles those run as is unknown (no node roles in aws-auth{(isKiam ? " and no --assume-role-arn on the kiam server" : string.Empty)}), so no trust statement for them is removed. Remove it by hand once every node is off kube2iam/kiam.",
            sources);

    /// <summary>W9: the IAM snapshot lacks the statements migrate adds, so it predates the migrate apply.</summary>
    public static Finding SnapshotBeforeMigrate(IamPrincipalArn role, int missing, IEnumerable<string> sources) =>
        SnapshotPredatesMigrate.Create(role.ToString(),
            $"The trust policy of {role} in the inputs lacks the {missing} Pod Identity statement(s) the migrate phase adds, so the IAM snapshot was most likely taken before migrate was applied. The diff shows the document as migrate leaves it; apply edits the live document and removes only the statements listed. Take the snapshot again after migrate to review the real document.",
            sources);
}
