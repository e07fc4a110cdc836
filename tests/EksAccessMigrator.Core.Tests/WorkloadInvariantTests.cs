using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// Invariants I2 (no escalation), I3 (determinism) and I4 (nothing dropped) for workload identity, and rule R2's
/// finalize, over generated clusters (FsCheck, fixed seed; a failure shrinks to the fewest workloads, namespaces,
/// ServiceAccounts and statements that still fail, and prints them with the seed).
/// </summary>
public sealed class WorkloadInvariantTests
{
    private const int Cases = 1000;
    private sealed record Input(WorkloadInventory Workloads, bool Restrictions, string? DefaultRole);

    private static Input Of(WorkloadCase generated) => new(generated.ToInventory(), generated.Restrictions, generated.DefaultRoleName);

    private static void ForAll(int cases, Action<Input> check) =>
        Prop.ForAll(WorkloadGenerator.Kube2iamCases, generated => check(Of(generated))).Check(PropertyRun.Cases(cases));

    /// <summary>The role each workload had before, computed independently of the planner; null for none or unknowable.</summary>
    private static string? Had(Input input, WorkloadInfo w)
    {
        if (w.HostNetwork || !w.PodAnnotations.TryGetValue(RoleKey, out var value) || value.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : Base + value;
        // kube2iam always allows its default role, in every namespace (rule K4).
        if (!input.Restrictions || (input.DefaultRole is not null && arn == Base + input.DefaultRole))
        {
            return arn;
        }

        var ns = input.Workloads.Namespaces.Single(n => n.Name == w.Namespace);
        if (!ns.Annotations.TryGetValue("iam.amazonaws.com/allowed-roles", out var annotation))
        {
            return null;
        }

        var patterns = System.Text.Json.JsonSerializer.Deserialize<string[]>(annotation)!;
        return patterns.Any(p => (p == "*" && arn.StartsWith(Base, StringComparison.Ordinal)) || Base + p == arn) ? arn : null;
    }

    [Fact]
    public void I2_NoWorkloadEndsWithARoleItDidNotHave_AndEveryMigratableOneKeepsIt()
    {
        ForAll(Cases, input =>
        {
            var plan = Plan(input.Workloads);
            var associations = plan.Associations().ToDictionary(a => (a.Namespace, a.ServiceAccount), a => a.RoleArn);
            var patches = plan.Changes<PatchWorkloadChange>().ToDictionary(p => (p.Kind.Wire(), p.Namespace, p.Name), p => p.ServiceAccountName!);
            foreach (var w in input.Workloads.Workloads)
            {
                var saAfter = patches.GetValueOrDefault((w.Kind, w.Namespace, w.Name)) ?? w.EffectiveServiceAccount;
                var after = associations.GetValueOrDefault((w.Namespace, saAfter));
                var had = Had(input, w);
                if (after is not null)
                {
                    Assert.True(after == had, $"{w.Key} ends with {after} but had {had ?? "no role"}");
                }

                var migratable = had is not null && had.StartsWith(Base, StringComparison.Ordinal) && !w.SelectsWindows;
                if (migratable && w.Kind is not "Pod" and not "Job")
                {
                    Assert.True(after == had, $"{w.Key} had {had}, a permitted, migratable role, but ends with {after ?? "none"}");
                }
                else if (migratable && after is null)
                {
                    Assert.Contains(plan.Findings, f => f.Subject == w.Key && f.Code is FindingCodes.BarePod or FindingCodes.JobTemplateImmutable);
                }
            }
        });
    }

    [Fact]
    public void I4_EveryAnnotatedWorkloadEndsAsAChangeANoOpOrAFinding()
    {
        ForAll(Cases, input =>
        {
            var plan = Plan(input.Workloads, phase: new[] { PlanPhase.Migrate, PlanPhase.Cutover, PlanPhase.Finalize }[input.Workloads.Workloads.Length % 3]);
            var accounted = plan.Changes.SelectMany(c => c.Sources).Concat(plan.NoOps.SelectMany(n => n.Sources)).Concat(plan.Findings.SelectMany(f => f.Sources)).ToHashSet();
            foreach (var w in input.Workloads.Workloads.Where(w => w.PodAnnotations.ContainsKey(RoleKey)))
            {
                Assert.Contains(w.Key, accounted);
            }
        });
    }

    [Fact]
    public void I3_TheSameInputGivesTheSamePlan()
    {
        ForAll(200, input =>
        {
            var a = PlanJson.Serialize(Plan(input.Workloads));
            var b = PlanJson.Serialize(Plan(input.Workloads with { Workloads = [.. input.Workloads.Workloads.Reverse()] }));
            Assert.Equal(a, b);
        });
    }

    private const string Issuer = IrsaCase.Issuer;
    private const string OtherCluster = IrsaCase.OtherCluster;

    /// <summary>Whether a statement lets this subject in: every :sub condition has a value equal to it (or, for StringLike, matching it).</summary>
    private static bool Admits(System.Text.Json.JsonElement statement, string subject)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            return true;
        }

        foreach (var op in condition.EnumerateObject())
        {
            foreach (var key in op.Value.EnumerateObject().Where(k => k.Name.EndsWith(":sub", StringComparison.Ordinal)))
            {
                var values = key.Value.ValueKind == System.Text.Json.JsonValueKind.Array ? key.Value.EnumerateArray().Select(v => v.GetString()!).ToList() : [key.Value.GetString()!];
                var like = op.Name.Contains("Like", StringComparison.Ordinal);
                if (!values.Any(v => v == subject || (like && System.Text.RegularExpressions.Regex.IsMatch(subject, "^" + System.Text.RegularExpressions.Regex.Escape(v).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$"))))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The statement's OIDC provider; empty for the Pod Identity statements migrate adds.</summary>
    private static string Federated(System.Text.Json.JsonElement statement) =>
        statement.GetProperty("Principal").TryGetProperty("Federated", out var federated) ? federated.GetString()! : string.Empty;

    [Fact]
    public void R2_FinalizeNeverTakesTrustFromAServiceAccountStayingOnIrsa_NorTouchesAnotherClustersProvider()
    {
        Prop.ForAll(WorkloadGenerator.IrsaCases, generated =>
        {
            var input = (Workloads: generated.ToInventory(), Case: generated);
            var plan = Plan(input.Workloads, new WorkloadIdentityOptions { IncludeIrsa = true }, PlanPhase.Finalize, oidcIssuer: Issuer);
            // Offline, finalize takes every ServiceAccount the migrate phase associates as migrated; Windows ones stay on IRSA.
            var migrated = input.Workloads.ServiceAccounts.Where(sa => !input.Workloads.Workloads.Any(w => w.Namespace == sa.Namespace && w.ServiceAccountName == sa.Name && w.SelectsWindows)).ToList();
            var staying = input.Workloads.ServiceAccounts.Except(migrated).ToList();
            foreach (var policy in input.Workloads.TrustPolicies)
            {
                var before = System.Text.Json.JsonDocument.Parse(policy.Document).RootElement.GetProperty("Statement").EnumerateArray().ToList();
                var change = plan.Changes<UpdateAssumeRolePolicyChange>().SingleOrDefault(c => c.RoleArn == policy.RoleArn);
                var after = change is null ? before : change.DocumentAfter!.Value.GetProperty("Statement").EnumerateArray().ToList();
                foreach (var subject in staying.Where(sa => sa.Annotations.ContainsValue(policy.RoleArn)).Select(sa => $"system:serviceaccount:{sa.Namespace}:{sa.Name}"))
                {
                    var admittedBefore = before.Where(s => Federated(s).Length > 0 && Admits(s, subject)).Select(Federated).Distinct().Order(StringComparer.Ordinal);
                    var admittedAfter = after.Where(s => Federated(s).Length > 0 && Admits(s, subject)).Select(Federated).Distinct().Order(StringComparer.Ordinal);
                    Assert.True(admittedBefore.SequenceEqual(admittedAfter), $"{subject} stays on IRSA but lost trust in {policy.RoleArn}");
                }

                Assert.Equal(
                    before.Where(s => Federated(s).EndsWith(OtherCluster, StringComparison.Ordinal)).Select(s => s.GetRawText()),
                    after.Where(s => Federated(s).EndsWith(OtherCluster, StringComparison.Ordinal)).Select(s => s.GetRawText()));
                foreach (var subject in migrated.Where(sa => sa.Annotations.ContainsValue(policy.RoleArn)).Select(sa => $"system:serviceaccount:{sa.Namespace}:{sa.Name}"))
                {
                    Assert.DoesNotContain(after, s => !Federated(s).EndsWith(OtherCluster, StringComparison.Ordinal) && s.GetRawText().Contains($"\"{subject}\"", StringComparison.Ordinal));
                }
            }
        }).Check(PropertyRun.Cases(300));
    }
}
