using System.Text.Json.Nodes;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreateAddon (the Pod Identity agent). Rollback keeps the add-on: this build has no DeleteAddon.</summary>
internal static class AddonHandler
{
    public static async Task<StepPreparation> PrepareAsync(CreateAddonChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await FindAsync(ctx, change.AddonName, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return StepPreparation.Done($"the add-on is installed (status {existing.Status ?? "unknown"})", Describe(existing));
        }

        var request = new CreateAddonRequest(ctx.ClusterName, change.AddonName) { ClientRequestToken = ctx.RequestToken(change.Address) };
        var call = new PlannedCall("CreateAddon", ctx.ClusterName, Json.Body(new { addonName = change.AddonName }));
        return StepPreparation.ToWrite("install the add-on", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            try
            {
                var created = await ctx.Clients.Eks.CreateAddonAsync(request, t).ConfigureAwait(false);
                return StepWrite.Ok("created", Describe(created));
            }
            catch (AwsResourceInUseException)
            {
                var now = await FindAsync(ctx, change.AddonName, t).ConfigureAwait(false);
                return now is null ? StepWrite.Fail("EKS reported the add-on in use but it is not there") : StepWrite.Ok("the add-on is installed", Describe(now));
            }
        });
    }

    public static UndoOutcome Undo(CreateAddonChange change, JsonObject? before) => Json.Flag(before, "existed")
        ? new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the add-on was installed before the migration")
        : new UndoOutcome(change.Address, change.Action, UndoStatus.Kept, $"the {change.AddonName} add-on is left installed (harmless without associations); remove it with 'aws eks delete-addon --cluster-name CLUSTER --addon-name {change.AddonName}' if wanted");

    private static async Task<EksAddon?> FindAsync(StepContext ctx, string name, CancellationToken ct)
    {
        try
        {
            return await ctx.Clients.Eks.DescribeAddonAsync(ctx.ClusterName, name, ct).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    private static JsonObject Describe(EksAddon addon) => new() { ["addonName"] = addon.AddonName, ["addonVersion"] = addon.AddonVersion };
}
