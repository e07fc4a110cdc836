using System.Globalization;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// ReplaceConfigMap of aws-auth (finalize): backed up first (journal, and a file beside the journal), written with the
/// resourceVersion read. A concurrent edit of other keys is merged (read again, retried on the resilience pipeline for
/// <see cref="ApplyOptions.AwsAuthConflictBudget"/>: <see cref="AwsAuthConflictRetry"/>); a concurrent edit of the
/// keys this change rewrites stops the step: aws-auth is never overwritten blindly.
/// </summary>
internal static class AwsAuthHandler
{
    public static async Task<StepPreparation> PrepareAsync(ReplaceConfigMapChange change, StepContext ctx, CancellationToken ct)
    {
        var live = await ctx.Objects.GetConfigMapAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (live is null)
        {
            return StepPreparation.Stale($"ConfigMap {change.Namespace}/{change.Name} does not exist; re-plan");
        }

        if (Holds(live, change.Data))
        {
            return StepPreparation.Done("the rows are already removed", new JsonObject { ["resourceVersion"] = live.ResourceVersion });
        }

        if (!Holds(live, change.PreviousData))
        {
            return StepPreparation.Stale($"{change.Namespace}/{change.Name} was edited since the plan was made (keys {string.Join(", ", change.PreviousData.Keys)}); re-plan");
        }

        var before = Backup(live);
        var call = new PlannedCall("ReplaceConfigMap", $"{change.Namespace}/{change.Name}", Json.StringMap(change.Data.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)).ToJsonString());
        return StepPreparation.ToWrite($"remove {change.RemovedEntries.Length} migrated row(s)", before, call, async (journaled, t) =>
        {
            if (change.BackupFirst)
            {
                await AwsAuthBackup.WriteFileAsync(ctx, change.Name, journaled, t).ConfigureAwait(false);
            }

            if (await CreateBackupConfigMapAsync(ctx, change, live, t).ConfigureAwait(false) is { } backupFailure)
            {
                return StepWrite.Fail(backupFailure);
            }

            if (await ReplaceAsync(ctx, change, change.PreviousData, change.Data, t).ConfigureAwait(false) is not { } failure)
            {
                return StepWrite.Ok($"removed {change.RemovedEntries.Length} row(s)", []);
            }

            // Neither the rows as planned nor as this change leaves them: aws-auth changed under the write (stale).
            var now = await ctx.Objects.GetConfigMapAsync(change.Namespace, change.Name, t).ConfigureAwait(false);
            return now is null || (!Holds(now, change.PreviousData) && !Holds(now, change.Data)) ? StepWrite.Stale(failure) : StepWrite.Fail(failure);
        });
    }

    public static async Task<UndoOutcome> UndoAsync(ReplaceConfigMapChange change, StepContext ctx, CancellationToken ct)
    {
        var live = await ctx.Objects.GetConfigMapAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (live is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the ConfigMap was deleted since the migration");
        }

        if (Holds(live, change.PreviousData))
        {
            await DeleteBackupConfigMapAsync(ctx, change, ct).ConfigureAwait(false);
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the rows are present");
        }

        if (!Holds(live, change.Data))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "aws-auth was edited since the migration; restore the rows from the journal's backup by hand");
        }

        if (await ReplaceAsync(ctx, change, change.Data, change.PreviousData, ct).ConfigureAwait(false) is { } failure)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.Failed, failure);
        }

        await DeleteBackupConfigMapAsync(ctx, change, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "restored the removed rows");
    }

    /// <summary>
    /// Replaces the keys <paramref name="from"/> with <paramref name="to"/>, keeping every other key as it is live; a
    /// conflict is retried for <see cref="ApplyOptions.AwsAuthConflictBudget"/> (<see cref="AwsAuthConflictRetry"/>). Null on success.
    /// </summary>
    private static Task<string?> ReplaceAsync(StepContext ctx, ReplaceConfigMapChange change, IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to, CancellationToken ct) =>
        new AwsAuthConflictRetry(ctx.Options.TimeProvider, ctx.Options.AwsAuthConflictBudget)
            .RunAsync($"{change.Namespace}/{change.Name}", t => ReplaceOnceAsync(ctx, change, from, to, t), ct);

    /// <summary>One attempt: read again (a conflict means someone else wrote aws-auth since our last read), check, conditional replace.</summary>
    private static async Task<AwsAuthAttempt> ReplaceOnceAsync(StepContext ctx, ReplaceConfigMapChange change, IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to, CancellationToken ct)
    {
        var live = await ctx.Objects.GetConfigMapAsync(change.Namespace, change.Name, ct).ConfigureAwait(false);
        if (live is null)
        {
            return AwsAuthAttempt.Failed($"{change.Namespace}/{change.Name} disappeared");
        }

        if (Holds(live, to))
        {
            return AwsAuthAttempt.Done;
        }

        if (!Holds(live, from))
        {
            return AwsAuthAttempt.Failed($"{change.Namespace}/{change.Name} was edited concurrently in the rows this change rewrites; stopped without overwriting it. Re-plan.");
        }

        var data = new Dictionary<string, string>(live.Data, StringComparer.Ordinal);
        foreach (var (key, value) in to)
        {
            data[key] = value;
        }

        var result = await ctx.Objects.ReplaceConfigMapDataAsync(live, data, ct).ConfigureAwait(false);
        return result.Succeeded ? AwsAuthAttempt.Done
            : result.Outcome == WriteOutcome.Conflict ? AwsAuthAttempt.Conflict
            : AwsAuthAttempt.Failed($"{change.Namespace}/{change.Name}: {result.Outcome}: {result.Message}");
    }

    private static bool Holds(ConfigMapObject map, IReadOnlyDictionary<string, string> values) =>
        values.All(p => map.Data.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    private static JsonObject Backup(ConfigMapObject map) => new()
    {
        ["resourceVersion"] = map.ResourceVersion,
        ["data"] = Json.StringMap(map.Data.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)),
    };

    /// <summary>The backup copy's name: derived from the content it keeps, so a resumed run finds its own copy.</summary>
    internal static string BackupName(ReplaceConfigMapChange change)
    {
        var content = string.Join("\n", change.PreviousData.Select(p => $"{p.Key}={p.Value}"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        return $"{change.Name}-backup-{hash[..10]}";
    }

    /// <summary>Copies aws-auth to a ConfigMap beside it before the rows are removed (rule M3). Null on success.</summary>
    private static async Task<string?> CreateBackupConfigMapAsync(StepContext ctx, ReplaceConfigMapChange change, ConfigMapObject live, CancellationToken ct)
    {
        if (!change.BackupFirst)
        {
            return null;
        }

        var name = BackupName(change);
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "eks-access-migrator" };
        var result = await ctx.Objects.CreateConfigMapAsync(change.Namespace, name, live.Data, labels, ct).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return null;
        }

        if (result.Outcome == WriteOutcome.AlreadyExists)
        {
            var existing = await ctx.Objects.GetConfigMapAsync(change.Namespace, name, ct).ConfigureAwait(false);
            return existing is not null && Holds(existing, change.PreviousData)
                ? null
                : $"a ConfigMap {change.Namespace}/{name} exists with other content; the backup could not be written, so aws-auth was not changed";
        }

        return $"the backup copy {change.Namespace}/{name} could not be written ({result.Outcome}: {result.Message}), so aws-auth was not changed";
    }

    /// <summary>Rollback: the backup copy goes when the rows are back, if it still holds what this change wrote.</summary>
    private static async Task DeleteBackupConfigMapAsync(StepContext ctx, ReplaceConfigMapChange change, CancellationToken ct)
    {
        var name = BackupName(change);
        var backup = await ctx.Objects.GetConfigMapAsync(change.Namespace, name, ct).ConfigureAwait(false);
        if (backup is not null && Holds(backup, change.PreviousData))
        {
            await ctx.Objects.DeleteConfigMapAsync(change.Namespace, name, backup.Uid, ct).ConfigureAwait(false);
        }
    }

}
