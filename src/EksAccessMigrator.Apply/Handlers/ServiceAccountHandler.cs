using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreateServiceAccount and PatchServiceAccount (annotation removal).</summary>
internal static class ServiceAccountHandler
{
    public static async Task<StepPreparation> PrepareCreateAsync(CreateServiceAccountChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await ctx.Objects.GetServiceAccountAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            if (Matches(existing, change))
            {
                return StepPreparation.Done(Owned(existing, change) ? "the ServiceAccount exists, made by this tool for " + change.ForWorkload : "an identical ServiceAccount exists", new JsonObject { ["uid"] = existing.Uid });
            }

            return StepPreparation.Stale($"ServiceAccount {change.Namespace}/{change.Name} was created since the plan was made and differs (imagePullSecrets [{string.Join(", ", existing.ImagePullSecrets)}], automountServiceAccountToken {Bool(existing.AutomountServiceAccountToken)}; the plan wants [{string.Join(", ", change.ImagePullSecrets)}], {Bool(change.AutomountServiceAccountToken)}); re-plan");
        }

        var body = new NewServiceAccount(
            change.Namespace,
            change.Name,
            new Dictionary<string, string> { [OwnershipMarkers.ManagedByLabel] = OwnershipMarkers.ManagedByValue },
            new Dictionary<string, string> { [OwnershipMarkers.PlanAnnotation] = ctx.PlanHash, [OwnershipMarkers.ForWorkloadAnnotation] = change.ForWorkload },
            change.ImagePullSecrets,
            change.AutomountServiceAccountToken);
        var call = new PlannedCall("CreateServiceAccount", $"{change.Namespace}/{change.Name}", Json.Body(new { name = change.Name, @namespace = change.Namespace, imagePullSecrets = change.ImagePullSecrets, automountServiceAccountToken = change.AutomountServiceAccountToken }));
        return StepPreparation.ToWrite("create the ServiceAccount", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            var result = await ctx.Objects.CreateServiceAccountAsync(body, t).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return StepWrite.Ok("created", new JsonObject { ["uid"] = result.Uid });
            }

            var now = await ctx.Objects.GetServiceAccountAsync(change.Namespace, change.Name, t).ConfigureAwait(false);
            return result.Outcome == WriteOutcome.AlreadyExists && now is not null && Matches(now, change)
                ? StepWrite.Ok("an identical ServiceAccount exists", new JsonObject { ["uid"] = now.Uid })
                : StepWrite.Fail($"creating ServiceAccount {change.Namespace}/{change.Name}: {result.Outcome}: {result.Message}");
        });
    }

    public static async Task<UndoOutcome> UndoCreateAsync(CreateServiceAccountChange change, JsonObject? before, JsonObject? after, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed"))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the ServiceAccount existed before the migration");
        }

        var existing = await ctx.Objects.GetServiceAccountAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the ServiceAccount does not exist");
        }

        var uid = Json.Text(after, "uid");
        if ((uid is not null && !string.Equals(uid, existing.Uid, StringComparison.Ordinal)) || !Matches(existing, change))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the ServiceAccount was replaced or changed since the migration; left in place");
        }

        if (!Ownership.MadeBy(existing.Labels, existing.Annotations, ctx.PlanHash))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the ServiceAccount exists, but " + Ownership.NotOurs);
        }

        var result = await ctx.Objects.DeleteServiceAccountAsync(change.Namespace, change.Name, existing.Uid, ct).ConfigureAwait(false);
        return result.Succeeded || result.Outcome == WriteOutcome.NotFound
            ? new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "deleted the ServiceAccount")
            : new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the ServiceAccount could not be deleted: {result.Outcome}: {result.Message}");
    }

    public static async Task<StepPreparation> PreparePatchAsync(PatchServiceAccountChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await ctx.Objects.GetServiceAccountAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return StepPreparation.Stale($"ServiceAccount {change.Namespace}/{change.Name} was deleted since the plan was made; re-plan");
        }

        var annotations = existing.Annotations;
        var present = change.RemoveAnnotations.Keys.Where(annotations.ContainsKey).ToList();
        if (present.Count == 0)
        {
            return StepPreparation.Done("the annotations are already gone", []);
        }

        var changed = present.Where(k => !string.Equals(annotations[k], change.RemoveAnnotations[k], StringComparison.Ordinal)).ToList();
        if (changed.Count > 0)
        {
            return StepPreparation.Stale($"ServiceAccount {change.Namespace}/{change.Name}: annotation(s) changed since the plan was made ({string.Join(", ", changed.Select(k => $"{k} is '{annotations[k]}', the plan expected '{change.RemoveAnnotations[k]}'"))}); re-plan");
        }

        var before = new JsonObject { ["annotations"] = Json.StringMap(present.ToDictionary(k => k, k => (string?)annotations[k], StringComparer.Ordinal)) };
        var removal = present.ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
        var call = new PlannedCall("PatchServiceAccount", $"{change.Namespace}/{change.Name}", Json.StringMap(removal).ToJsonString());
        return StepPreparation.ToWrite("remove the annotations", before, call, async (_, t) =>
        {
            var result = await ctx.Objects.SetServiceAccountAnnotationsAsync(change.Namespace, change.Name, removal, existing.ResourceVersion, t).ConfigureAwait(false);
            return result.Succeeded
                ? StepWrite.Ok("removed the annotations", [])
                : StepWrite.Fail($"ServiceAccount {change.Namespace}/{change.Name}: {result.Outcome}: {result.Message}; run apply again");
        });
    }

    public static async Task<UndoOutcome> UndoPatchAsync(PatchServiceAccountChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        var previous = Json.ReadStringMap(before, "annotations");
        var existing = await ctx.Objects.GetServiceAccountAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the ServiceAccount was deleted since the migration");
        }

        var annotations = existing.Annotations;
        if (previous.All(p => annotations.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal)))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the annotations are as before the migration");
        }

        if (previous.Keys.Any(annotations.ContainsKey))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the annotations were set again since the migration; left as they are");
        }

        var result = await ctx.Objects.SetServiceAccountAnnotationsAsync(change.Namespace, change.Name, previous, existing.ResourceVersion, ct).ConfigureAwait(false);
        return result.Succeeded
            ? new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "restored the annotations")
            : new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, $"{result.Outcome}: {result.Message}; run rollback again");
    }

    private static bool Owned(ServiceAccountObject account, CreateServiceAccountChange change) =>
        OwnershipMarkers.IsDedicatedServiceAccountFor(account.Labels, account.Annotations, change.ForWorkload);

    private static string Bool(bool? value) => value is null ? "unset" : value.Value ? "true" : "false";

    private static bool Matches(ServiceAccountObject account, CreateServiceAccountChange change) =>
        account.ImagePullSecrets.Order(StringComparer.Ordinal).SequenceEqual(change.ImagePullSecrets.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && account.AutomountServiceAccountToken == change.AutomountServiceAccountToken;
}
