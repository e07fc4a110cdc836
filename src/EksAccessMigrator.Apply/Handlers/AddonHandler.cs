using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreateAddon (the Pod Identity agent); rollback deletes an add-on the migration installed, if it is still as installed.</summary>
internal static class AddonHandler
{
    public static async Task<StepPreparation> PrepareAsync(CreateAddonChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await FindAsync(ctx, change.AddonName, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return StepPreparation.Done($"the add-on is installed (status {existing.Status ?? "unknown"}){Ownership.Describe(existing.Tags)}", Describe(existing));
        }

        var call = new PlannedCall("CreateAddon", ctx.ClusterName, Json.Body(new { addonName = change.AddonName }));
        return StepPreparation.ToWrite("install the add-on", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            if (await ctx.Clients.PodIdentity.CreateAddonAsync(ctx.ClusterName, change.AddonName, ctx.RequestToken(change.Address), OwnershipMarkers.Tags(ctx.PlanHash), t).ConfigureAwait(false) is { } created)
            {
                return StepWrite.Ok("created", Describe(created));
            }

            var now = await FindAsync(ctx, change.AddonName, t).ConfigureAwait(false);
            return now is null ? StepWrite.Fail("EKS reported the add-on in use but it is not there") : StepWrite.Ok("the add-on is installed", Describe(now));
        });
    }

    public static async Task<UndoOutcome> UndoAsync(CreateAddonChange change, JsonObject? before, JsonObject? after, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed"))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the add-on was installed before the migration");
        }

        var now = await FindAsync(ctx, change.AddonName, ct).ConfigureAwait(false);
        if (now is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the add-on is not installed");
        }

        var installed = Json.Text(after, "addonVersion");
        if (installed is not null && !string.Equals(installed, now.AddonVersion, StringComparison.Ordinal))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the add-on was updated since the migration ({installed} -> {now.AddonVersion}); it is left installed");
        }

        if (!Ownership.MadeBy(now.Tags, ctx.PlanHash))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the add-on is installed, but " + Ownership.NotOurs);
        }

        if (!await ctx.Clients.PodIdentity.DeleteAddonAsync(ctx.ClusterName, change.AddonName, ct).ConfigureAwait(false))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the add-on is not installed");
        }

        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "deleted the add-on the migration installed");
    }

    private static Task<Addon?> FindAsync(StepContext ctx, string name, CancellationToken ct) =>
        ctx.Clients.PodIdentity.DescribeAddonAsync(ctx.ClusterName, name, ct);

    private static JsonObject Describe(Addon addon) => new() { ["addonName"] = addon.AddonName, ["addonVersion"] = addon.AddonVersion };
}
