using System.Text.Json.Nodes;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>CreateAccessEntry.</summary>
internal static class AccessEntryHandler
{
    public static async Task<StepPreparation> PrepareCreateAsync(CreateAccessEntryChange change, StepContext ctx, CancellationToken ct)
    {
        var existing = await FindAsync(ctx, change.PrincipalArn, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return Matches(existing, change)
                ? StepPreparation.Done("an identical access entry exists" + Ownership.Describe(existing.Tags), Describe(existing))
                : StepPreparation.Stale($"an access entry for {change.PrincipalArn} exists and differs ({Text(existing)}); the plan expected none and wants {Text(change.Type.Wire(), change.Username, change.KubernetesGroups)}; re-plan");
        }

        var request = new CreateAccessEntryRequest(ctx.ClusterName, change.PrincipalArn)
        {
            Type = change.Type.Wire(),
            Username = change.Username,
            KubernetesGroups = change.KubernetesGroups.IsEmpty ? null : [.. change.KubernetesGroups],
            ClientRequestToken = ctx.RequestToken(change.Address),
            Tags = OwnershipMarkers.Tags(ctx.PlanHash),
        };
        var call = new PlannedCall("CreateAccessEntry", $"{ctx.ClusterName}/{change.PrincipalArn}", Json.Body(new { principalArn = change.PrincipalArn, type = change.Type.Wire(), username = change.Username, kubernetesGroups = request.KubernetesGroups }));
        return StepPreparation.ToWrite("create the access entry", new JsonObject { ["existed"] = false }, call, async (_, t) =>
        {
            try
            {
                var created = await ctx.Clients.Eks.CreateAccessEntryAsync(request, t).ConfigureAwait(false);
                return StepWrite.Ok("created", Describe(created));
            }
            catch (AwsResourceInUseException)
            {
                var now = await FindAsync(ctx, change.PrincipalArn, t).ConfigureAwait(false);
                return now is not null && Matches(now, change)
                    ? StepWrite.Ok("an identical access entry exists", Describe(now))
                    : StepWrite.Stale($"an access entry for {change.PrincipalArn} appeared meanwhile and differs ({(now is null ? "gone" : Text(now))})");
            }
        });
    }

    public static async Task<UndoOutcome> UndoCreateAsync(CreateAccessEntryChange change, JsonObject? before, StepContext ctx, CancellationToken ct)
    {
        if (Json.Flag(before, "existed") || before is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.NothingToUndo, "the access entry existed before the migration");
        }

        var existing = await FindAsync(ctx, change.PrincipalArn, ct).ConfigureAwait(false);
        if (existing is null)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.AlreadyRestored, "the access entry does not exist");
        }

        if (!Matches(existing, change))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the access entry was changed since the migration ({Text(existing)}); left in place");
        }

        if (!Ownership.MadeBy(existing.Tags, ctx.PlanHash))
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, "the access entry exists, but " + Ownership.NotOurs);
        }

        var policies = new List<string>();
        await foreach (var policy in ctx.Clients.Eks.ListAssociatedAccessPoliciesAsync(ctx.ClusterName, change.PrincipalArn, ct).ConfigureAwait(false))
        {
            policies.Add(policy.PolicyArn);
        }

        if (policies.Count > 0)
        {
            return new UndoOutcome(change.Address, change.Action, UndoStatus.ChangedSince, $"the access entry has policies the migration did not leave ({string.Join(", ", policies)}); left in place");
        }

        await ctx.Clients.Eks.DeleteAccessEntryAsync(ctx.ClusterName, change.PrincipalArn, ct).ConfigureAwait(false);
        return new UndoOutcome(change.Address, change.Action, UndoStatus.Restored, "deleted the access entry");
    }

    internal static async Task<EksAccessEntry?> FindAsync(StepContext ctx, string principalArn, CancellationToken ct)
    {
        try
        {
            return await ctx.Clients.Eks.DescribeAccessEntryAsync(ctx.ClusterName, principalArn, ct).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
        catch (AwsInvalidRequestException)
        {
            // Access entries are not enabled yet (CONFIG_MAP; a dry run before the mode change): none exists.
            return null;
        }
    }

    /// <summary>Node types (EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX) get their username and groups from EKS: only the type counts.</summary>
    private static bool Matches(EksAccessEntry entry, CreateAccessEntryChange change) =>
        string.Equals(entry.Type ?? "STANDARD", change.Type.Wire(), StringComparison.Ordinal)
        && (change.Type != AccessEntryType.Standard || SameIdentity(entry, change.Username, change.KubernetesGroups));

    private static bool SameIdentity(EksAccessEntry entry, string? username, IEnumerable<string> groups) =>
        (username is null || string.Equals(entry.Username, username, StringComparison.Ordinal)) && SameGroups(entry.KubernetesGroups, groups);

    private static bool SameGroups(IEnumerable<string>? a, IEnumerable<string> b) =>
        (a ?? []).Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static JsonObject Describe(EksAccessEntry entry) => new()
    {
        ["type"] = entry.Type,
        ["username"] = entry.Username,
        ["kubernetesGroups"] = Json.Strings((entry.KubernetesGroups ?? []).Order(StringComparer.Ordinal)),
    };

    private static string Text(EksAccessEntry entry) => Text(entry.Type, entry.Username, entry.KubernetesGroups ?? []);

    private static string Text(string? type, string? username, IEnumerable<string> groups) =>
        $"type {type ?? "STANDARD"}, username {username ?? "(generated)"}, groups [{string.Join(", ", groups)}]";
}
