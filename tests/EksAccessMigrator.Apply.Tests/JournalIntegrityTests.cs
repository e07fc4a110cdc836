using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Apply.Tests.Support;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>The journal's hash chain, and rollback that trusts the reviewed plan file rather than the journal.</summary>
[Collection(MotoGroup.Name)]
public sealed class JournalIntegrityTests(MotoServer moto)
{
    private const string CrossAccountPrincipal = "arn:aws:iam::999999999999:root";

    [Fact]
    public async Task EveryRecord_CarriesTheHashOfTheOneBefore_AnchoredInThePlanHash()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);

        var lines = (await File.ReadAllTextAsync(world.JournalPath)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(plan.Hash, JsonNode.Parse(lines[0])!["prev"]!.GetValue<string>());
        for (var i = 1; i < lines.Length; i++)
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines[i - 1])));
            Assert.Equal(expected, JsonNode.Parse(lines[i])!["prev"]!.GetValue<string>());
        }

        Assert.Equal(Path.GetFullPath(plan.Origin), JournalHeader.Read(world.JournalPath).PlanFile);
    }

    [Fact]
    public async Task EditedRecord_BreaksTheChain_ApplyAndRollbackRefuse_AndWriteNothing()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        await JournalEditor.EditAsync(world.JournalPath, IsTrustIntent, AddCrossAccountPrincipal, rechain: false);
        var journal = await File.ReadAllBytesAsync(world.JournalPath);
        var state = await world.SnapshotAsync();
        var writes = Writes.Count(world);

        var rollback = await world.RollbackAsync();
        var apply = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.JournalBroken, rollback.Refusal?.Reason);
        Assert.Contains("hash chain breaks", rollback.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.JournalBroken, apply.Refusal?.Reason);
        Assert.Equal(journal, await File.ReadAllBytesAsync(world.JournalPath));
        Assert.Equal(state, await world.SnapshotAsync());
        Assert.Equal(writes, Writes.Count(world));
    }

    [Fact]
    public async Task EditedBeforeImage_WithTheChainRecomputed_IsRefusedBecauseThePlanSaysOtherwise()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        await JournalEditor.EditAsync(world.JournalPath, IsTrustIntent, AddCrossAccountPrincipal, rechain: true);
        var journal = await File.ReadAllBytesAsync(world.JournalPath);
        var state = await world.SnapshotAsync();
        var writes = Writes.Count(world);

        var rollback = await world.RollbackAsync();

        Assert.Equal(RefusalReason.JournalNotPlan, rollback.Refusal?.Reason);
        Assert.Contains("trust policy", rollback.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(journal, await File.ReadAllBytesAsync(world.JournalPath));
        Assert.Equal(state, await world.SnapshotAsync());
        Assert.DoesNotContain(CrossAccountPrincipal, state, StringComparison.Ordinal);
        Assert.Equal(writes, Writes.Count(world));
    }

    [Fact]
    public async Task EditedWorkloadBeforeImage_IsRefused()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        await JournalEditor.EditAsync(
            world.JournalPath,
            r => r["type"]?.GetValue<string>() == "intent" && r["address"]?.GetValue<string>() == "workload/shop/Deployment/web",
            r => r["before"]!["serviceAccountName"] = "cluster-admin-sa",
            rechain: true);

        var rollback = await world.RollbackAsync();

        Assert.Equal(RefusalReason.JournalNotPlan, rollback.Refusal?.Reason);
        Assert.Contains("workload/shop/Deployment/web", rollback.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_NeedsThePlanTheJournalWasWrittenFor()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        var other = Path.Combine(world.Directory, "other.json");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(plan.Origin)).Replace("\"toolVersion\": \"test\"", "\"toolVersion\": \"edited\"", StringComparison.Ordinal));
        var state = await world.SnapshotAsync();

        var wrongPlan = await new RollbackExecutor(world.Clients, world.Options()).RollbackAsync(world.JournalPath, other, CancellationToken.None);
        File.Move(plan.Origin, plan.Origin + ".moved");
        var noPlan = await world.RollbackAsync();

        Assert.Equal(RefusalReason.PlanMismatch, wrongPlan.Refusal?.Reason);
        Assert.Contains("is not the plan the journal", wrongPlan.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.PlanMismatch, noPlan.Refusal?.Reason);
        Assert.Contains("--plan", noPlan.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(state, await world.SnapshotAsync());

        var moved = await new RollbackExecutor(world.Clients, world.Options()).RollbackAsync(world.JournalPath, plan.Origin + ".moved", CancellationToken.None);
        Assert.True(moved.Succeeded);
    }

    [Fact]
    public async Task TornLastLine_IsCutOff_AndTheResumeKeepsTheChainValid()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        await File.AppendAllTextAsync(world.JournalPath, "{\"type\":\"intent\",\"addr");

        var again = await world.ApplyAsync(plan, world.Options());
        var rollback = await world.RollbackAsync();

        Assert.True(again.Succeeded);
        Assert.True(rollback.Succeeded, rollback.Refusal?.Message);
        Assert.DoesNotContain("\"addr{", await File.ReadAllTextAsync(world.JournalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalsAndBackups_AreTheOwnersOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var journal = Path.Combine(world.Directory, "new-dir", "journal.jsonl");
        Assert.True((await world.ApplyAsync(plan, world.Options() with { JournalPath = journal })).Succeeded);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(journal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(journal)!));
    }

    private static bool IsTrustIntent(JsonObject record) =>
        record["type"]?.GetValue<string>() == "intent" && record["address"]?.GetValue<string>() == "trust-policy/" + Seed.RoleArn("app-cart");

    private static void AddCrossAccountPrincipal(JsonObject record)
    {
        var document = JsonNode.Parse(record["before"]!["document"]!.GetValue<string>())!;
        document["Statement"]!.AsArray().Add(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = CrossAccountPrincipal },
            ["Action"] = "sts:AssumeRole",
        });
        record["before"]!["document"] = document.ToJsonString();
    }
}
