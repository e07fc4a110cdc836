using System.Text;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Invariants I2 (no escalation) and I4 (nothing dropped) for workload identity, over generated clusters.</summary>
public sealed class WorkloadInvariantTests
{
    private const int Cases = 1000;
    private static readonly string[] Values = ["r1", "r2", "r3", "fallback", "arn:aws:iam::111122223333:role/fallback", "arn:aws:iam::111122223333:role/r1", "arn:aws:iam::999988887777:role/x", "{{ .Values.role }}"];
    private static readonly string[] Kinds = ["Deployment", "Deployment", "StatefulSet", "CronJob", "DaemonSet", "Job", "Pod"];

    private sealed record Input(WorkloadInventory Workloads, bool Restrictions, string? DefaultRole)
    {
        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine($"restrictions={Restrictions} default-role={DefaultRole ?? "(none)"}");
            foreach (var ns in Workloads.Namespaces)
            {
                text.AppendLine($"namespace {ns.Name}: {string.Join(", ", ns.Annotations.Select(a => $"{a.Key}={a.Value}"))}");
            }

            foreach (var w in Workloads.Workloads)
            {
                text.AppendLine($"{w.Key} sa={w.EffectiveServiceAccount} role={w.PodAnnotations.GetValueOrDefault(RoleKey) ?? "-"} hostNetwork={w.HostNetwork} windows={w.SelectsWindows}");
            }

            return text.ToString();
        }
    }

    private static Input Generate(Random random)
    {
        var restrictions = random.Next(2) == 0;
        var defaultRole = random.Next(3) == 0 ? "fallback" : null;
        var namespaces = Enumerable.Range(0, random.Next(1, 4)).Select(i => $"ns{i}").ToList();
        var workloads = new List<WorkloadInfo>();
        var count = random.Next(1, 16);
        for (var i = 0; i < count; i++)
        {
            var ns = namespaces[random.Next(namespaces.Count)];
            var sa = random.Next(3) == 0 ? null : $"sa{random.Next(3)}";
            var role = random.Next(5) == 0 ? null : Values[random.Next(Values.Length)];
            workloads.Add(W(ns, $"w{i}", role, sa, Kinds[random.Next(Kinds.Length)], hostNetwork: random.Next(10) == 0, windows: random.Next(12) == 0));
        }

        var allowed = namespaces.Select(n => Ns(n, random.Next(4) switch
        {
            0 => null,
            1 => "[\"*\"]",
            2 => "[\"r1\"]",
            _ => "[\"r2\", \"r3\"]",
        }));
        var args = new List<string>();
        if (restrictions)
        {
            args.Add("--namespace-restrictions");
        }

        if (defaultRole is not null)
        {
            args.Add("--default-role=" + defaultRole);
        }

        return new Input(Kube2iamCluster(workloads, allowed, null, [.. args]), restrictions, defaultRole);
    }

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
        Property.ForAll(Cases, Generate, input =>
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
        }, i => i.ToString());
    }

    [Fact]
    public void I4_EveryAnnotatedWorkloadEndsAsAChangeANoOpOrAFinding()
    {
        Property.ForAll(Cases, Generate, input =>
        {
            var plan = Plan(input.Workloads, phase: new[] { PlanPhase.Migrate, PlanPhase.Cutover, PlanPhase.Finalize }[input.Workloads.Workloads.Length % 3]);
            var accounted = plan.Changes.SelectMany(c => c.Sources).Concat(plan.NoOps.SelectMany(n => n.Sources)).Concat(plan.Findings.SelectMany(f => f.Sources)).ToHashSet();
            foreach (var w in input.Workloads.Workloads.Where(w => w.PodAnnotations.ContainsKey(RoleKey)))
            {
                Assert.Contains(w.Key, accounted);
            }
        }, i => i.ToString());
    }

    [Fact]
    public void I3_TheSameInputGivesTheSamePlan()
    {
        Property.ForAll(200, Generate, input =>
        {
            var a = PlanJson.Serialize(Plan(input.Workloads));
            var b = PlanJson.Serialize(Plan(input.Workloads with { Workloads = [.. input.Workloads.Workloads.Reverse()] }));
            Assert.Equal(a, b);
        }, i => i.ToString());
    }

    private const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";
    private static readonly string[] ThisCluster = ["oidc.eks.eu-west-1.amazonaws.com/id/AAAA", "oidc-eks.eu-west-1.api.aws/id/AAAA"];
    private const string OtherCluster = "oidc.eks.eu-west-1.amazonaws.com/id/BBBB";

    private sealed record IrsaInput(WorkloadInventory Workloads)
    {
        public override string ToString() =>
            string.Join("\n", Workloads.ServiceAccounts.Select(sa => $"{sa.Namespace}/{sa.Name} -> {sa.Annotations.GetValueOrDefault("eks.amazonaws.com/role-arn")} windows={Workloads.Workloads.Any(w => w.Namespace == sa.Namespace && w.ServiceAccountName == sa.Name && w.SelectsWindows)}")
                .Concat(Workloads.TrustPolicies.Select(t => $"{t.RoleArn}: {t.Document}")));
    }

    private static IrsaInput GenerateIrsa(Random random)
    {
        var roles = new[] { Base + "shared-a", Base + "shared-b" };
        var sas = new List<ServiceAccountInfo>();
        var workloads = new List<WorkloadInfo>();
        for (var i = 0; i < random.Next(2, 7); i++)
        {
            var ns = $"ns{random.Next(2)}";
            var name = $"sa{i}";
            sas.Add(Sa(ns, name, roles[random.Next(roles.Length)]));
            workloads.Add(W(ns, $"w{i}", null, name, windows: random.Next(3) == 0));
        }

        string Subject(ServiceAccountInfo sa) => $"system:serviceaccount:{sa.Namespace}:{sa.Name}";
        string Statement(string host, bool like, IEnumerable<string> subjects)
        {
            var list = subjects.ToList();
            var values = list.Count == 1 && random.Next(2) == 0 ? $"\"{list[0]}\"" : "[" + string.Join(",", list.Select(v => $"\"{v}\"")) + "]";
            var condition = list.Count == 0 ? string.Empty : $",\"Condition\":{{\"{(like ? "StringLike" : "StringEquals")}\":{{\"{host}:sub\":{values},\"{host}:aud\":\"sts.amazonaws.com\"}}}}";
            return $"{{\"Effect\":\"Allow\",\"Principal\":{{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/{host}\"}},\"Action\":\"sts:AssumeRoleWithWebIdentity\"{condition}}}";
        }

        var trust = roles.Select(role =>
        {
            var users = sas.Where(sa => sa.Annotations.ContainsValue(role)).ToList();
            var statements = new List<string>();
            for (var k = 0; k < random.Next(1, 4); k++)
            {
                var host = ThisCluster[random.Next(ThisCluster.Length)];
                statements.Add(random.Next(6) switch
                {
                    0 => Statement(host, like: true, [$"system:serviceaccount:ns{random.Next(2)}:*"]),
                    1 => Statement(host, like: false, []),
                    _ => Statement(host, like: random.Next(3) == 0, users.Where(_ => random.Next(3) != 0).Select(Subject).Append("system:serviceaccount:elsewhere:x").Take(random.Next(1, 5))),
                });
            }

            statements.Add(Statement(OtherCluster, like: false, users.Select(Subject)));
            return Trust(role, "{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}");
        });
        return new IrsaInput(new WorkloadInventory { ServiceAccounts = [.. sas], Workloads = [.. workloads], TrustPolicies = [.. trust] });
    }

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
        Property.ForAll(300, GenerateIrsa, input =>
        {
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
        }, i => i.ToString());
    }
}
