using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// One generated IRSA cluster of rule R2's invariant: ServiceAccounts <c>sa0</c>.. (each with a workload <c>w0</c>..)
/// sharing two roles, and each role's trust policy: this cluster's statements, then one of another cluster's provider
/// for all the role's ServiceAccounts. Its text is what a failing property prints after shrinking.
/// </summary>
internal sealed record IrsaCase(ImmutableArray<IrsaServiceAccount> ServiceAccounts, ImmutableArray<ImmutableArray<TrustStatementSpec>> Trust)
{
    public const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";
    public const string OtherCluster = "oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
    public static readonly string[] ThisCluster = ["oidc.eks.eu-west-1.amazonaws.com/id/AAAA", "oidc-eks.eu-west-1.api.aws/id/AAAA"];
    public static readonly string[] Roles = [Base + "shared-a", Base + "shared-b"];

    public WorkloadInventory ToInventory()
    {
        var sas = ServiceAccounts.Select((s, i) => Sa($"ns{s.Namespace}", $"sa{i}", Roles[s.Role])).ToList();
        var workloads = ServiceAccounts.Select((s, i) => W($"ns{s.Namespace}", $"w{i}", null, $"sa{i}", windows: s.Windows));
        var trust = Roles.Select((role, r) =>
        {
            var users = sas.Where(sa => sa.Annotations.ContainsValue(role)).ToList();
            var statements = Trust[r].Select(spec => spec.Shape switch
            {
                TrustStatementShape.NamespaceWildcard => Statement(ThisCluster[spec.Host], like: true, [$"system:serviceaccount:ns{spec.WildcardNamespace}:*"], spec.Scalar),
                TrustStatementShape.NoCondition => Statement(ThisCluster[spec.Host], like: false, [], spec.Scalar),
                _ => Statement(ThisCluster[spec.Host], spec.Like, users.Where((_, j) => spec.Keeps(j)).Select(Subject).Append("system:serviceaccount:elsewhere:x").Take(spec.Take), spec.Scalar),
            }).Append(Statement(OtherCluster, like: false, users.Select(Subject), scalar: false));
            return GivenWorkloads.Trust(role, "{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}");
        });
        return new WorkloadInventory { ServiceAccounts = [.. sas], Workloads = [.. workloads], TrustPolicies = [.. trust] };
    }

    /// <summary>A ServiceAccount or a statement fewer first, then simpler ServiceAccounts and statements.</summary>
    public IEnumerable<IrsaCase> Shrink()
    {
        if (ServiceAccounts.Length > 1)
        {
            for (var i = 0; i < ServiceAccounts.Length; i++)
            {
                yield return this with { ServiceAccounts = ServiceAccounts.RemoveAt(i) };
            }
        }

        for (var r = 0; r < Trust.Length; r++)
        {
            for (var k = 0; Trust[r].Length > 1 && k < Trust[r].Length; k++)
            {
                yield return this with { Trust = Trust.SetItem(r, Trust[r].RemoveAt(k)) };
            }
        }

        for (var i = 0; i < ServiceAccounts.Length; i++)
        {
            if (ServiceAccounts[i].Windows)
            {
                yield return this with { ServiceAccounts = ServiceAccounts.SetItem(i, ServiceAccounts[i] with { Windows = false }) };
            }
        }

        for (var r = 0; r < Trust.Length; r++)
        {
            for (var k = 0; k < Trust[r].Length; k++)
            {
                foreach (var simpler in Trust[r][k].Shrink())
                {
                    yield return this with { Trust = Trust.SetItem(r, Trust[r].SetItem(k, simpler)) };
                }
            }
        }
    }

    public override string ToString()
    {
        var inventory = ToInventory();
        return string.Join("\n", inventory.ServiceAccounts.Select(sa => $"{sa.Namespace}/{sa.Name} -> {sa.Annotations.GetValueOrDefault("eks.amazonaws.com/role-arn")} windows={inventory.Workloads.Any(w => w.Namespace == sa.Namespace && w.ServiceAccountName == sa.Name && w.SelectsWindows)}")
            .Concat(inventory.TrustPolicies.Select(t => $"{t.RoleArn}: {t.Document}")));
    }

    private static string Subject(ServiceAccountInfo sa) => $"system:serviceaccount:{sa.Namespace}:{sa.Name}";

    private static string Statement(string host, bool like, IEnumerable<string> subjects, bool scalar)
    {
        var list = subjects.ToList();
        var values = list.Count == 1 && scalar ? $"\"{list[0]}\"" : "[" + string.Join(",", list.Select(v => $"\"{v}\"")) + "]";
        var condition = list.Count == 0 ? string.Empty : $",\"Condition\":{{\"{(like ? "StringLike" : "StringEquals")}\":{{\"{host}:sub\":{values},\"{host}:aud\":\"sts.amazonaws.com\"}}}}";
        return $"{{\"Effect\":\"Allow\",\"Principal\":{{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/{host}\"}},\"Action\":\"sts:AssumeRoleWithWebIdentity\"{condition}}}";
    }
}
