using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>PatchWorkload (serviceAccountName or annotation removal) and RestartWorkload.</summary>
internal static class WorkloadHandler
{
    private const string DefaultServiceAccount = "default";

    public static async Task<StepPreparation> PreparePatchAsync(PatchWorkloadChange change, StepContext ctx, CancellationToken ct)
    {
        var workload = new WorkloadAddress(change.Kind, change.Namespace, change.Name);
        var state = await ctx.Objects.GetWorkloadAsync(workload, ct).ConfigureAwait(false);
        if (state is null)
        {
            return StepPreparation.Stale($"{workload} was deleted since the plan was made; re-plan");
        }

        var setAccount = change.ServiceAccountName is { } target && !string.Equals(state.ServiceAccountName ?? DefaultServiceAccount, target, StringComparison.Ordinal);
        var present = change.RemoveAnnotations.Keys.Where(state.Annotations.ContainsKey).ToList();
        if (!setAccount && present.Count == 0)
        {
            return StepPreparation.Done("the pod template already is as planned", new JsonObject { ["serviceAccountName"] = state.ServiceAccountName });
        }

        var expected = change.PreviousServiceAccountName ?? DefaultServiceAccount;
        if (setAccount && !string.Equals(state.ServiceAccountName ?? DefaultServiceAccount, expected, StringComparison.Ordinal))
        {
            return StepPreparation.Stale($"{workload} runs as ServiceAccount {state.ServiceAccountName ?? DefaultServiceAccount} since the plan was made; the plan expected {expected} and wants {change.ServiceAccountName}; re-plan");
        }

        var changed = present.Where(k => !string.Equals(state.Annotations[k], change.RemoveAnnotations[k], StringComparison.Ordinal)).ToList();
        if (changed.Count > 0)
        {
            return StepPreparation.Stale($"{workload}: pod-template annotation(s) changed since the plan was made ({string.Join(", ", changed.Select(k => $"{k} is '{state.Annotations[k]}', the plan expected '{change.RemoveAnnotations[k]}'"))}); re-plan");
        }

        var before = new JsonObject
        {
            ["serviceAccountName"] = state.ServiceAccountName,
            ["annotations"] = Json.StringMap(present.ToDictionary(k => k, k => (string?)state.Annotations[k], StringComparer.Ordinal)),
        };
        var body = new JsonObject();
        if (setAccount)
        {
            body["serviceAccountName"] = change.ServiceAccountName;
        }

        if (present.Count > 0)
        {
            body["annotations"] = Json.StringMap(present.ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal));
        }

        var call = new PlannedCall("PatchWorkload", workload.ToString(), body.ToJsonString());
        return StepPreparation.ToWrite("patch the pod template", before, call, async (_, t) =>
        {
            if (setAccount && await SetAccountAsync(ctx, workload, change.ServiceAccountName!, expected, state.ResourceVersion, t).ConfigureAwait(false) is { } failure)
            {
                return failure;
            }

            if (present.Count > 0)
            {
                var result = await ctx.Objects.RemovePodTemplateAnnotationsAsync(workload, present, null, t).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return StepWrite.Fail($"{workload}: {result.Outcome}: {result.Message}; run apply again");
                }
            }

            return StepWrite.Ok("patched the pod template", new JsonObject { ["serviceAccountName"] = change.ServiceAccountName ?? state.ServiceAccountName });
        });
    }

    public static async Task<UndoOutcome> UndoPatchAsync(PatchWorkloadChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        var workload = new WorkloadAddress(change.Kind, change.Namespace, change.Name);
        var state = await ctx.Objects.GetWorkloadAsync(workload, ct).ConfigureAwait(false);
        if (state is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"{workload} was deleted since the migration");
        }

        // Absent stays absent: a pod template without serviceAccountName gets the field removed, not "default" written.
        var previousAccount = Json.Text(before, "serviceAccountName");
        var previousAnnotations = Json.ReadStringMap(before, "annotations");
        var current = state.ServiceAccountName;
        var accountRestored = change.ServiceAccountName is null || string.Equals(current, previousAccount, StringComparison.Ordinal);
        var annotationsRestored = previousAnnotations.All(p => state.Annotations.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
        if (accountRestored && annotationsRestored)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the pod template is as before the migration");
        }

        var accountAsLeft = accountRestored || string.Equals(current ?? DefaultServiceAccount, change.ServiceAccountName, StringComparison.Ordinal);
        var annotationsAsLeft = annotationsRestored || !previousAnnotations.Keys.Any(state.Annotations.ContainsKey);
        if (!accountAsLeft || !annotationsAsLeft)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"{workload}'s pod template was changed since the migration; left as it is");
        }

        if (!accountRestored)
        {
            var result = await ctx.Objects.SetPodTemplateServiceAccountAsync(workload, previousAccount, state.ResourceVersion, ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, $"{result.Outcome}: {result.Message}; run rollback again");
            }
        }

        if (!annotationsRestored)
        {
            var result = await ctx.Objects.SetPodTemplateAnnotationsAsync(workload, previousAnnotations, null, ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, $"{result.Outcome}: {result.Message}; run rollback again");
            }
        }

        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "restored the pod template");
    }

    public static async Task<StepPreparation> PrepareRestartAsync(RestartWorkloadChange change, StepContext ctx, CancellationToken ct)
    {
        var workload = new WorkloadAddress(change.Kind, change.Namespace, change.Name);
        var state = await ctx.Objects.GetWorkloadAsync(workload, ct).ConfigureAwait(false);
        if (state is null)
        {
            return StepPreparation.Stale($"{workload} was deleted since the plan was made; re-plan");
        }

        state.Annotations.TryGetValue(RestartAnnotation.Name, out var restartedAt);
        var before = new JsonObject { ["restartedAt"] = restartedAt };
        var call = new PlannedCall("RestartWorkload", workload.ToString(), Json.Body(new { annotation = RestartAnnotation.Name }));
        return StepPreparation.ToWrite("restart and wait for the rollout", before, call, async (intentBefore, t) =>
        {
            // Resumed after a crash: when the annotation moved since the intent, the restart was made; only wait.
            var now = await ctx.Objects.GetWorkloadAsync(workload, t).ConfigureAwait(false);
            string? current = null;
            now?.Annotations.TryGetValue(RestartAnnotation.Name, out current);
            if (!string.Equals(current, Json.Text(intentBefore, "restartedAt"), StringComparison.Ordinal))
            {
                return await WaitAsync(ctx, workload, current, t).ConfigureAwait(false);
            }

            var result = await ctx.Objects.RestartAsync(workload, t).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return StepWrite.Fail($"{workload}: {result.Outcome}: {result.Message}");
            }

            var after = await ctx.Objects.GetWorkloadAsync(workload, t).ConfigureAwait(false);
            string? set = null;
            after?.Annotations.TryGetValue(RestartAnnotation.Name, out set);
            return await WaitAsync(ctx, workload, set, t).ConfigureAwait(false);
        });
    }

    public static async Task<UndoOutcome> UndoRestartAsync(RestartWorkloadChange change, JsonObject? before, JsonObject? after, StepContext ctx, CancellationToken ct)
    {
        var workload = new WorkloadAddress(change.Kind, change.Namespace, change.Name);
        var state = await ctx.Objects.GetWorkloadAsync(workload, ct).ConfigureAwait(false);
        if (state is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"{workload} was deleted since the migration");
        }

        var previous = Json.Text(before, "restartedAt");
        state.Annotations.TryGetValue(RestartAnnotation.Name, out var current);
        if (string.Equals(current, previous, StringComparison.Ordinal))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the restart annotation is as before");
        }

        if (Json.Text(after, "restartedAt") is { } set && !string.Equals(set, current, StringComparison.Ordinal))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"{workload} was restarted again since the migration; left as it is");
        }

        var result = await ctx.Objects.SetPodTemplateAnnotationsAsync(workload, new Dictionary<string, string?> { [RestartAnnotation.Name] = previous }, state.ResourceVersion, ct).ConfigureAwait(false);
        return result.Succeeded
            ? new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "restored the pod template's restart annotation (this rolls the pods once more)")
            : new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, $"{result.Outcome}: {result.Message}; run rollback again");
    }

    /// <summary>
    /// Sets serviceAccountName on condition of the resourceVersion read; after a concurrent edit it reads again and
    /// retries while the workload still runs as the expected ServiceAccount. Null on success, else the failed or stale write.
    /// </summary>
    private static async Task<StepWrite?> SetAccountAsync(StepContext ctx, WorkloadAddress workload, string target, string expected, string? resourceVersion, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var result = await ctx.Objects.SetPodTemplateServiceAccountAsync(workload, target, resourceVersion, ct).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return null;
            }

            if (result.Outcome != WriteOutcome.Conflict)
            {
                return StepWrite.Fail($"{workload}: {result.Outcome}: {result.Message}; run apply again");
            }

            var state = await ctx.Objects.GetWorkloadAsync(workload, ct).ConfigureAwait(false);
            var current = state?.ServiceAccountName ?? DefaultServiceAccount;
            if (string.Equals(current, target, StringComparison.Ordinal))
            {
                return null;
            }

            if (state is null || !string.Equals(current, expected, StringComparison.Ordinal))
            {
                return StepWrite.Stale($"{workload} was changed concurrently (now ServiceAccount {current}); re-plan");
            }

            resourceVersion = state.ResourceVersion;
        }

        return StepWrite.Fail($"{workload} kept changing concurrently; run apply again");
    }

    private static async Task<StepWrite> WaitAsync(StepContext ctx, WorkloadAddress workload, string? restartedAt, CancellationToken ct)
    {
        var rollout = await ctx.Objects.WaitForRolloutAsync(workload, ctx.Options.RolloutTimeout, ct).ConfigureAwait(false);
        var after = new JsonObject { ["restartedAt"] = restartedAt, ["rollout"] = rollout.Outcome.ToString() };
        return rollout.Outcome is RolloutOutcome.Complete or RolloutOutcome.Untracked
            ? StepWrite.Ok($"restarted; rollout {rollout.Outcome}: {rollout.Message}", after)
            : StepWrite.Fail($"{workload} rollout {rollout.Outcome}: {rollout.Message}");
    }
}
