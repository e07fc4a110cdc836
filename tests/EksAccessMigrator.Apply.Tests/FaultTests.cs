using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class FaultTests(MotoServer moto)
{
    private const string ConcurrentStatement = "{\"Sid\":\"SomeoneElse\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}";

    [Fact]
    public async Task ThrottlingStorms_503s_Timeouts_AndConcurrentEdits_LoseNothing_AndDuplicateNothing()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var order = PlanExecutor.ExecutionOrder(plan.Plan);
        var trustStep = order.Single(c => c.Address == "trust-policy/" + Seed.RoleArn("app-cart")).Address;
        var patchStep = order.Single(c => c.Address == "workload/shop/Deployment/web").Address;
        world.Eks.Faults.ThrottleRandomly(0.3, seed: 7, maxFaults: 80);
        world.Eks.Faults.FailNext(4, 503, "CreateAccessEntry");
        world.Eks.Faults.DropNext(2, "AssociateAccessPolicy");
        world.Eks.Faults.DelayNext(1, TimeSpan.FromSeconds(3), "CreatePodIdentityAssociation");
        world.Kubernetes.Faults.FailNext(503, times: 4);
        world.Kubernetes.Faults.ConcurrentEditBeforeNextWrite(ResourceKinds.Deployment, "shop", "web", d => d["metadata"]!["labels"] = new JsonObject { ["edited-by"] = "someone" });

        // Meanwhile, someone adds a row to aws-auth and a statement to a trust policy, between our read and our write.
        var options = world.Options(parallel: 4, crash: (point, address) =>
        {
            if (point == CrashPoint.AfterIntent && address == trustStep)
            {
                var document = JsonNode.Parse(world.IamClient.GetRoleAsync("app-cart", CancellationToken.None).GetAwaiter().GetResult().AssumeRolePolicyDocument!)!;
                document["Statement"]!.AsArray().Add(JsonNode.Parse(ConcurrentStatement));
                world.IamClient.UpdateAssumeRolePolicyAsync("app-cart", document.ToJsonString(), CancellationToken.None).GetAwaiter().GetResult();
            }

            if (point == CrashPoint.AfterIntent && address == patchStep)
            {
                world.Kubernetes.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", cm => cm["data"]!["mapUsers"] = "- userarn: arn:aws:iam::123456789012:user/late\n  username: late\n");
            }
        });

        var result = await world.ApplyAsync(plan, options);

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status == StepStatus.Failed)));
        Assert.True(world.Eks.Faults.InjectedCount > 10);
        var cart = (await world.IamClient.GetRoleAsync("app-cart", CancellationToken.None)).AssumeRolePolicyDocument!;
        Assert.Contains("SomeoneElse", cart, StringComparison.Ordinal);
        Assert.Contains("ec2.amazonaws.com", cart, StringComparison.Ordinal);
        var sid = plan.Plan.Changes.OfType<Core.Plans.UpdateAssumeRolePolicyChange>().Single(c => c.RoleArn == Seed.RoleArn("app-cart")).StatementsAdded.Single().GetProperty("Sid").GetString();
        Assert.Single(JsonNode.Parse(cart)!["Statement"]!.AsArray(), s => s?["Sid"]?.GetValue<string>() == sid);
        var awsAuth = world.Kubernetes.State.Get(ResourceKinds.ConfigMap, "kube-system", "aws-auth")!;
        Assert.Contains("user/late", awsAuth["data"]!["mapUsers"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Seed.AwsAuthMapRoles, awsAuth["data"]!["mapRoles"]!.GetValue<string>());
        Assert.Equal("web", world.Kubernetes.State.Get(ResourceKinds.Deployment, "shop", "web")!["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.Equal(4, world.Eks.State.AccessEntryPrincipals(Seed.Cluster).Count);
        Assert.Equal(3, world.Eks.State.SnapshotJson().Split("\"roleArn\"").Length - 1);
    }

    [Fact]
    public async Task AStageThatGaveUpUnderThrottling_ResumesWithTheSamePlan_AndEqualsAnUninterruptedApply()
    {
        string expected;
        await using (var baseline = await World.StartAsync(moto))
        {
            Assert.True((await baseline.ApplyAsync(await baseline.SavePlanAsync(), baseline.Options(parallel: 1))).Succeeded);
            expected = await baseline.SnapshotAsync();
        }

        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();

        // Throttled past every retry: all three associations give up; the workload patch after them is not started.
        world.Eks.Faults.ThrottleNext(36, "CreatePodIdentityAssociation");
        var gaveUp = await world.ApplyAsync(plan, world.Options(parallel: 1));

        Assert.False(gaveUp.Succeeded);
        Assert.Equal(3, gaveUp.Steps.Count(s => s.Action == "CreatePodIdentityAssociation" && s.Status == StepStatus.Failed));
        Assert.Equal(StepStatus.Skipped, gaveUp.Steps.Single(s => s.Address == "workload/shop/Deployment/web").Status);

        var resumed = await world.ApplyAsync(plan, world.Options(parallel: 1));

        Assert.True(resumed.Succeeded, $"{resumed.Refusal}{string.Join("\n", resumed.Refusal?.Stale ?? [])}{string.Join("\n", resumed.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.Skipped))}");
        Assert.Equal(expected, await world.SnapshotAsync());
        Assert.Equal(3, world.Eks.State.SnapshotJson().Split("\"roleArn\"").Length - 1);
    }

    [Theory]
    [InlineData("access-entry")]
    [InlineData("service-account")]
    public async Task Rollback_LeavesWhatSomeoneElseMadeWhileApplyWasKilled_ItCarriesNoOwnershipMarkers(string kind)
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var victim = kind == "access-entry" ? "access-entry/" + Seed.RoleArn("viewer") : "service-account/shop/web";
        await Assert.ThrowsAsync<SimulatedKill>(() => world.ApplyAsync(plan, world.Options(parallel: 1, crash: (point, address) =>
        {
            if (point == CrashPoint.AfterIntent && address == victim)
            {
                throw new SimulatedKill();
            }
        })));

        // Killed between the intent and the call; meanwhile someone else makes the same object by hand.
        if (kind == "access-entry")
        {
            world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "viewer", ["viewers"]);
        }
        else
        {
            world.Kubernetes.State.Add(Seed.ServiceAccountJson("shop", "web"));
        }

        var result = await world.RollbackAsync();

        var undo = result.Steps.Single(s => s.Address == victim);
        Assert.Equal(UndoStatus.ChangedSince, undo.Status);
        Assert.Contains("does not carry this plan's ownership markers", undo.Message, StringComparison.Ordinal);
        if (kind == "access-entry")
        {
            Assert.Contains(Seed.RoleArn("viewer"), world.Eks.State.AccessEntryPrincipals(Seed.Cluster));
        }
        else
        {
            Assert.NotNull(world.Kubernetes.State.Get(ResourceKinds.ServiceAccount, "shop", "web"));
        }
    }

    [Fact]
    public async Task Rollback_ReportsWhatChangedSince_AndRestoresTheRest()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        var web = JsonNode.Parse((await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!)!;
        web["Statement"]!.AsArray().Add(JsonNode.Parse(ConcurrentStatement));
        await world.IamClient.UpdateAssumeRolePolicyAsync("app-web", web.ToJsonString(), CancellationToken.None);
        world.Kubernetes.State.Mutate(ResourceKinds.Deployment, "shop", "web", d => d["spec"]!["template"]!["spec"]!["serviceAccountName"] = "hand-made");

        var result = await world.RollbackAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(["trust-policy/" + Seed.RoleArn("app-web"), "workload/shop/Deployment/web"], result.NeedsAttention.Select(s => s.Address).Order(StringComparer.Ordinal));
        Assert.All(result.NeedsAttention, s => Assert.Equal(UndoStatus.ChangedSince, s.Status));
        Assert.Contains("SomeoneElse", (await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!, StringComparison.Ordinal);
        Assert.Equal("hand-made", world.Kubernetes.State.Get(ResourceKinds.Deployment, "shop", "web")!["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed.InitialTrust), JsonNode.Parse(Json(await world.IamClient.GetRoleAsync("app-cart", CancellationToken.None)))));
        Assert.Equal("shared", world.Kubernetes.State.Get(ResourceKinds.Deployment, "shop", "cart")!["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.Equal(["dev"], world.Eks.State.AccessEntryPrincipals(Seed.Cluster).Select(a => a[(a.LastIndexOf('/') + 1)..]));
    }

    private static string Json(Aws.Iam.IamRole role) => role.AssumeRolePolicyDocument!;
}
