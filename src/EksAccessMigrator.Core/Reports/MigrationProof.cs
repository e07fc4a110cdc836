using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;

namespace EksAccessMigrator.Core.Reports;

/// <summary>
/// What <c>verify</c> checks beyond the plan's changes. Rule K16: from cutover on, every running Pod whose
/// ServiceAccount has a Pod Identity association carries the webhook's environment in each container (the webhook
/// fails open, so a Pod without it silently keeps the node role or the old agent) and no longer the kube2iam/kiam
/// annotation. And an access entry created before its IAM principal: the role or user was deleted and made again,
/// so the entry (bound to the old principal's unique id) silently stopped working.
/// </summary>
public static class MigrationProof
{
    public const string ProofAction = "pod-identity-proof";
    public const string AgeAction = "access-entry-age";

    /// <summary>Rule K16; nothing before cutover (pods get Pod Identity only when restarted) or when associations are unknown.</summary>
    public static IEnumerable<VerifiedSubject> Pods(WorkloadInventory workloads, PlanPhase phase, string roleKey)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        if (phase == PlanPhase.Migrate || workloads.ExistingAssociations is not { } associations)
        {
            yield break;
        }

        var byAccount = associations.GroupBy(a => (a.Namespace, a.ServiceAccount)).ToDictionary(g => g.Key, g => g.First().RoleArn);
        var pods = workloads.Workloads
            .Where(w => w.Kind == "Pod" && (w.PodPhase is null or "Running") && !w.ContainerEnv.IsEmpty)
            .OrderBy(w => w.Key, StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (!byAccount.TryGetValue((pod.Namespace, pod.EffectiveServiceAccount), out var role))
            {
                continue;
            }

            var address = $"pod/{pod.Namespace}/{pod.Name}";
            var without = pod.ContainerEnv.Where(c => !c.HasPodIdentity).Select(c => c.Container).ToList();
            if (without.Count > 0)
            {
                yield return new VerifiedSubject(address, ProofAction, VerifiedSubject.Missing,
                    $"pod {pod.Namespace}/{pod.Name} runs as {pod.EffectiveServiceAccount}, which is associated with {role}, but container(s) {string.Join(", ", without)} lack {ContainerCredentialEnv.FullUri} and {ContainerCredentialEnv.TokenFile}: it kept the node role (or kube2iam/kiam). Restart it; if the variables are still missing, the Pod Identity webhook did not run for it (it fails open): check the eks-pod-identity-agent add-on and the pod's creation events.");
            }
            else if (pod.PodAnnotations.ContainsKey(roleKey))
            {
                yield return new VerifiedSubject(address, ProofAction, VerifiedSubject.Different,
                    $"pod {pod.Namespace}/{pod.Name} has Pod Identity's environment but still carries the {roleKey} annotation after cutover; apply the cutover plan (it removes the annotation from the pod template) and let the workload roll.");
            }
            else
            {
                yield return new VerifiedSubject(address, ProofAction, VerifiedSubject.Ok, $"Pod Identity's environment injected in every container (role {role})");
            }
        }
    }

    /// <summary>Access entries created before their principal (matched by account, kind and name, as IAM compares them).</summary>
    /// <param name="entries">Each access entry's principal ARN and createdAt.</param>
    /// <param name="principals">Each IAM role or user ARN and its CreateDate.</param>
    public static IEnumerable<VerifiedSubject> EntryAges(IEnumerable<KeyValuePair<string, DateTimeOffset>> entries, IEnumerable<KeyValuePair<string, DateTimeOffset>> principals)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(principals);
        var created = principals.Where(p => Key(p.Key) is not null).GroupBy(p => Key(p.Key)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(p => p.Value), StringComparer.Ordinal);
        foreach (var (principal, entryCreated) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (Key(principal) is { } key && created.TryGetValue(key, out var principalCreated) && entryCreated < principalCreated)
            {
                yield return new VerifiedSubject($"access-entry/{principal}", AgeAction, VerifiedSubject.Different,
                    $"the access entry was created {entryCreated:u}, before its IAM principal ({principalCreated:u}): the role or user was deleted and created again, and the entry, bound to the old principal, silently stopped working. Delete the access entry and create it again (with its policy associations), then check access with 'kubectl auth can-i' as that principal.");
            }
        }
    }

    private static string? Key(string arn) =>
        IamPrincipalArn.TryParse(arn, out var parsed, out _) ? $"{parsed.Kind}/{parsed.AccountId}/{parsed.Name.ToUpperInvariant()}" : null;
}
