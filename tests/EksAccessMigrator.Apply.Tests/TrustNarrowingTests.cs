using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>Rule R2 applied: a finalize plan narrows a shared IRSA statement in place (moto), idempotently, and rolls back.</summary>
[Collection(MotoGroup.Name)]
public sealed class TrustNarrowingTests(MotoServer moto)
{
    private const string Host = "oidc.eks.us-west-2.amazonaws.com/id/CAFE";

    private static readonly string Document = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
        "{\"Sid\":\"Irsa\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/" + Host + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"," +
        "\"Condition\":{\"StringEquals\":{\"" + Host + ":sub\":[\"system:serviceaccount:billing:api\",\"system:serviceaccount:billing:batch\"]}}}," +
        "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    [Fact]
    public async Task R2_ANarrowedStatementReplacesTheSharedOneInPlace_OnceOnly_AndRollsBack()
    {
        await using var world = await World.StartAsync(moto);
        var change = Finalize();

        // The role as migrate leaves it (the planner's before-image puts back the Pod Identity statement migrate adds,
        // which the snapshot it planned from predates).
        await world.IamClient.UpdateAssumeRolePolicyAsync("app-billing", change.DocumentBefore!.Value.GetRawText(), CancellationToken.None);
        var plan = await SaveAsync(world, change);

        var result = await world.ApplyAsync(plan, world.Options());
        // A second run with its own journal reads the live document again: the narrowing is there, so nothing changes.
        var again = await world.ApplyAsync(plan, world.Options() with { JournalPath = Path.Combine(world.Directory, "again.jsonl") });

        Assert.True(result.Succeeded, string.Join("\n", result.Steps));
        var statements = await LiveStatementsAsync(world);
        Assert.Equal(3, statements.Count);
        Assert.Equal("Irsa", statements[0]!["Sid"]!.GetValue<string>());
        Assert.Equal("system:serviceaccount:billing:batch", Assert.Single(statements[0]!["Condition"]!["StringEquals"]![Host + ":sub"]!.AsArray())!.GetValue<string>());
        Assert.Equal("ec2.amazonaws.com", statements[1]!["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("pods.eks.amazonaws.com", statements[2]!["Principal"]!["Service"]!.GetValue<string>());
        Assert.True(again.Succeeded, string.Join("\n", again.Steps));
        Assert.Contains("already has these statements", Assert.Single(again.Steps).Message, StringComparison.Ordinal);

        var rollback = await world.RollbackAsync();

        Assert.True(rollback.Succeeded);
        Assert.Contains("billing:api", (await world.IamClient.GetRoleAsync("app-billing", CancellationToken.None)).AssumeRolePolicyDocument!, StringComparison.Ordinal);
    }

    /// <summary>The planner's own finalize change: billing/api moved to Pod Identity, billing/batch stays on IRSA (Windows).</summary>
    private static UpdateAssumeRolePolicyChange Finalize()
    {
        var inventory = new ClusterInventory(new ClusterContext(Seed.Cluster, Seed.Region, Seed.Account, "aws", Core.Inventory.AuthenticationMode.ApiAndConfigMap) { OidcIssuer = "https://" + Host }, null, IamSnapshot.Empty, null, null)
        {
            Workloads = new WorkloadInventory
            {
                ServiceAccounts = [ServiceAccount("api"), ServiceAccount("batch")],
                Workloads =
                [
                    new WorkloadInfo("Deployment", "billing", "api", "api", ImmutableSortedDictionary<string, string>.Empty, false, false, null, null, new SourceLocation("x", 1)),
                    new WorkloadInfo("Deployment", "billing", "batch", "batch", ImmutableSortedDictionary<string, string>.Empty, false, true, null, null, new SourceLocation("x", 1)),
                ],
                TrustPolicies = [new RoleTrustPolicy(Seed.RoleArn("app-billing"), Document, "iam.json")],
                ExistingAssociations = [new ExistingPodIdentityAssociation("billing", "api", Seed.RoleArn("app-billing"), null)],
            },
        };
        var plan = MigrationPlanner.Plan(inventory, new PlannerOptions
        {
            Phase = PlanPhase.Finalize,
            Workloads = new WorkloadIdentityOptions { IncludeIrsa = true },
        });
        return Assert.Single(plan.Changes.OfType<UpdateAssumeRolePolicyChange>());
    }

    private static ServiceAccountInfo ServiceAccount(string name) => new(
        "billing",
        name,
        ImmutableSortedDictionary<string, string>.Empty.Add(Seed.IrsaAnnotation, Seed.RoleArn("app-billing")),
        ImmutableSortedDictionary<string, string>.Empty,
        [],
        null,
        new SourceLocation("x", 1));

    private static async Task<JsonArray> LiveStatementsAsync(World world) =>
        JsonNode.Parse((await world.IamClient.GetRoleAsync("app-billing", CancellationToken.None)).AssumeRolePolicyDocument!)!["Statement"]!.AsArray();

    private static async Task<SavedPlan> SaveAsync(World world, UpdateAssumeRolePolicyChange change)
    {
        ImmutableArray<PlanChange> changes = [change];
        var plan = new MigrationPlan
        {
            FormatVersion = MigrationPlan.CurrentFormatVersion,
            ToolVersion = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Phase = Core.Planning.PlanPhase.Finalize,
            Options = new PlanOptionsRecord { RewriteSessionNameRaw = false, BreakGlassArns = [], Workloads = new WorkloadOptionsRecord() },
            Cluster = world.Identity(new PlanCluster(Seed.Cluster, Seed.Region, Seed.Account, "aws", Core.Inventory.AuthenticationMode.ApiAndConfigMap)),
            Summary = PlanSummary.Of(changes, [], []),
            Changes = changes,
            NoOps = [],
            Findings = [],
        };
        var path = Path.Combine(world.Directory, "finalize.json");
        await File.WriteAllTextAsync(path, PlanJson.Serialize(plan));
        return SavedPlan.Load(path);
    }
}
