using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>What each kind of change targets and does, in words; one switch over the closed set of changes.</summary>
public static class ChangeText
{
    public static string Target(PlanChange change) => change switch
    {
        UpdateClusterConfigChange => "cluster authentication mode",
        CreateAccessEntryChange c => c.PrincipalArn,
        AssociateAccessPolicyChange c => c.PrincipalArn,
        CreateAddonChange c => $"add-on {c.AddonName}",
        UpdateAssumeRolePolicyChange c => c.RoleArn,
        CreateServiceAccountChange c => $"{c.Namespace}/ServiceAccount/{c.Name}",
        CreatePodIdentityAssociationChange c => $"{c.Namespace}/{c.ServiceAccount}",
        PatchWorkloadChange c => $"{c.Namespace}/{c.Kind.Wire()}/{c.Name}",
        PatchServiceAccountChange c => $"{c.Namespace}/ServiceAccount/{c.Name}",
        RestartWorkloadChange c => $"{c.Namespace}/{c.Kind.Wire()}/{c.Name}",
        ReplaceConfigMapChange c => $"{c.Namespace}/ConfigMap/{c.Name}",
        PutRolePolicyChange c => $"{c.RoleArn} inline policy {c.PolicyName}",
        DeleteRolePolicyChange c => $"{c.RoleArn} inline policy {c.PolicyName}",
        _ => throw new InvalidOperationException($"No view for change kind {change.GetType().Name}."),
    };

    public static string Details(PlanChange change) => change switch
    {
        UpdateClusterConfigChange c => $"set to {c.AuthenticationMode.Wire()}{(c.BackupAwsAuth ? " (after backing up aws-auth)" : string.Empty)}",
        CreateAccessEntryChange c => $"{c.Type.Wire()}{Username(c.Username, c.Type)}{Groups(c.KubernetesGroups)}",
        AssociateAccessPolicyChange c => $"{Core.Planning.AccessPolicyArns.NameOf(c.PolicyArn)} at {c.AccessScope.Key} scope",
        CreateAddonChange => "install the Pod Identity agent",
        UpdateAssumeRolePolicyChange c => TrustDetails(c),
        CreateServiceAccountChange c => $"for {c.ForWorkload}, copied from {c.CopiedFrom}{(c.ImagePullSecrets.IsDefaultOrEmpty ? string.Empty : $" (imagePullSecrets {string.Join(", ", c.ImagePullSecrets)})")}{(c.AutomountServiceAccountToken is { } automount ? $", automountServiceAccountToken {(automount ? "true" : "false")}" : string.Empty)}",
        CreatePodIdentityAssociationChange c => $"role {c.RoleArn}",
        PatchWorkloadChange c => (c.ServiceAccountName is not null
            ? $"serviceAccountName {c.PreviousServiceAccountName ?? "default"} -> {c.ServiceAccountName}"
            : $"remove annotation(s) {string.Join(", ", c.RemoveAnnotations.Select(a => $"{a.Key}: {a.Value}"))}")
            + (c.Disruptive ? "; DISRUPTIVE: rolls the pods" : c.Kind == WorkloadKind.CronJob ? "; applies to the next runs" : string.Empty),
        PatchServiceAccountChange c => $"remove annotation(s) {string.Join(", ", c.RemoveAnnotations.Select(a => $"{a.Key}: {a.Value}"))}",
        RestartWorkloadChange c => c.AfterAnnotationRemovals ? "DISRUPTIVE: rolling restart (after the IRSA annotation is removed; with --restart-workloads)" : "DISRUPTIVE: rolling restart (with --restart-workloads)",
        PutRolePolicyChange c => $"remove {c.StatementsRemoved.Length} assume-anything statement(s), keep the others (reversible: the previous document is journaled)",
        DeleteRolePolicyChange => "delete it: it grants nothing but sts:AssumeRole wider than the migrated roles (reversible: the previous document is journaled)",
        ReplaceConfigMapChange c => $"{(c.BackupFirst ? "back up, then " : string.Empty)}remove {c.RemovedEntries.Length} migrated row(s): {string.Join(", ", c.RemovedEntries.Select(e => $"{e.Source} ({e.Arn ?? $"sso {e.SsoPermissionSetName}"})"))}",
        _ => throw new InvalidOperationException($"No view for change kind {change.GetType().Name}."),
    };

    private static string TrustDetails(UpdateAssumeRolePolicyChange c)
    {
        var parts = new List<string>();
        var podIdentity = c.StatementsAdded.IsDefaultOrEmpty ? [] : c.StatementsAdded.Where(TrustDiff.IsPodIdentity).ToList();
        var narrowed = c.StatementsAdded.IsDefaultOrEmpty ? [] : c.StatementsAdded.Where(s => !TrustDiff.IsPodIdentity(s)).ToList();
        if (podIdentity.Count > 0)
        {
            parts.Add($"trust Pod Identity for {string.Join(", ", podIdentity.Select(TrustDiff.Describe))}");
        }

        if (!c.StatementsRemoved.IsDefaultOrEmpty)
        {
            parts.Add($"remove {c.StatementsRemoved.Length} old trust statement(s): {string.Join(", ", c.StatementsRemoved.Select(TrustDiff.Describe))}");
        }

        if (narrowed.Count > 0)
        {
            parts.Add($"put back {narrowed.Count} of them narrowed to the ServiceAccounts staying on IRSA: {string.Join(", ", narrowed.Select(TrustDiff.Describe))}");
        }

        if (c.DocumentAfter is null)
        {
            parts.Add("(current document unknown)");
        }

        return string.Join("; ", parts);
    }

    private static string Username(string? username, Core.Planning.AccessEntryType type) =>
        username is not null ? $", username {username}" : type == Core.Planning.AccessEntryType.Standard ? ", username generated by EKS" : string.Empty;

    private static string Groups(System.Collections.Immutable.ImmutableArray<string> groups) =>
        groups.IsDefaultOrEmpty ? string.Empty : $", groups [{string.Join(", ", groups)}]";

    private static string Value(string? text) => text ?? "(generated)";

}
