using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Rollback trusts the reviewed plan file, not the journal: every journaled step must be one of the plan's changes,
/// exactly, and every before-image it would restore must equal what the plan says the object was (the trust
/// document before, the pod template's ServiceAccount and annotations, the aws-auth data, the access entry's
/// username and groups, the ServiceAccount's annotations). One mismatch refuses the whole rollback before any write.
/// </summary>
internal static class JournalPlanCheck
{
    private const string DefaultServiceAccount = "default";

    /// <summary>The plan's changes for the journaled steps, by address; or the refusal.</summary>
    public static (IReadOnlyDictionary<string, PlanChange>? Changes, Refusal? Refusal) Check(MigrationPlan plan, JournalState journal, string journalPath)
    {
        var byAddress = plan.Changes.ToDictionary(c => c.Address, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var step in journal.Steps.Values.Where(s => s.HasIntent))
        {
            if (!byAddress.TryGetValue(step.Address, out var change))
            {
                problems.Add($"{step.Address}: the journal records a step the plan does not have");
                continue;
            }

            if (!JsonNode.DeepEquals(step.Change, ChangeCodec.Write(change)))
            {
                problems.Add($"{step.Address}: the journal's change is not the plan's");
                continue;
            }

            if (BeforeImageProblem(change, step.Before, step.After) is { } problem)
            {
                problems.Add($"{step.Address}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            return (null, Refusal.Of(RefusalReason.JournalNotPlan, $"The journal {journalPath} does not match the reviewed plan ({problems.Count} step(s)), so nothing was rolled back: {string.Join("; ", problems)}."));
        }

        return (byAddress, null);
    }

    private static string? BeforeImageProblem(PlanChange change, JsonObject? before, JsonObject? after) => change switch
    {
        UpdateAssumeRolePolicyChange c => TrustProblem(c, before, after),
        PatchWorkloadChange c => WorkloadProblem(c, before),
        PatchServiceAccountChange c => AnnotationsProblem(Json.ReadStringMap(before, "annotations"), c.RemoveAnnotations, "ServiceAccount"),
        ReplaceConfigMapChange c => c.PreviousData.All(p => Json.ReadStringMap(before, "data").TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal))
            ? null
            : $"the {c.Namespace}/{c.Name} data in the journal is not what the plan recorded before the change",
        PutRolePolicyChange c => RolePolicyProblem(c.DocumentBefore, before, c.PolicyName),
        DeleteRolePolicyChange c => RolePolicyProblem(c.DocumentBefore, before, c.PolicyName),
        _ => null,
    };

    /// <summary>Rule N2's inline policy to put back must be the document the plan recorded before the change.</summary>
    private static string? RolePolicyProblem(System.Text.Json.JsonElement planned, JsonObject? before, string policyName) =>
        Json.Text(before, "document") is not { } journal || Json.SameDocument(journal, planned.GetRawText())
            ? null
            : $"the inline policy {policyName} in the journal is not what the plan recorded before the change";

    /// <summary>
    /// The trust document to restore must be the plan's document before; when the plan did not record it, the
    /// document to restore with exactly the plan's statements added and removed must be the document the step left
    /// (so no statement the plan does not name, such as another account's principal, can come back through it).
    /// </summary>
    private static string? TrustProblem(UpdateAssumeRolePolicyChange change, JsonObject? before, JsonObject? after)
    {
        var left = Json.Text(after, "document");
        foreach (var candidate in new[] { Json.Text(before, "document"), Json.Text(after, "documentBefore") })
        {
            if (candidate is null)
            {
                continue;
            }

            var agrees = change.DocumentBefore is { } planned
                ? Json.SameDocument(candidate, planned.GetRawText())
                : left is null || Json.SameDocument(TrustDocument.Apply(candidate, change.StatementsAdded, change.StatementsRemoved).Document ?? candidate, left);
            if (!agrees)
            {
                return $"the trust policy the journal would restore to {change.RoleArn} is not the one the plan recorded";
            }
        }

        return null;
    }

    private static string? WorkloadProblem(PatchWorkloadChange change, JsonObject? before)
    {
        if (change.ServiceAccountName is not null
            && !string.Equals(Json.Text(before, "serviceAccountName") ?? DefaultServiceAccount, change.PreviousServiceAccountName ?? DefaultServiceAccount, StringComparison.Ordinal))
        {
            return "the pod template's ServiceAccount in the journal is not what the plan recorded";
        }

        return AnnotationsProblem(Json.ReadStringMap(before, "annotations"), change.RemoveAnnotations, "pod template");
    }

    private static string? AnnotationsProblem(Dictionary<string, string?> journaled, System.Collections.Immutable.ImmutableSortedDictionary<string, string> planned, string what) =>
        journaled.All(p => planned.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal))
            ? null
            : $"the {what} annotations the journal would restore are not the ones the plan recorded";
}
