using System.Collections.Immutable;
using System.Text;
using EksAccessMigrator.Core.Inventory;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// One generated kube2iam cluster of the workload invariants: its namespaces with their allowed-roles restriction,
/// its workloads, and kube2iam's <c>--namespace-restrictions</c> and <c>--default-role=fallback</c>. Its text is what
/// a failing property prints after shrinking.
/// </summary>
internal sealed record WorkloadCase(ImmutableArray<NamespaceRestriction> Namespaces, ImmutableArray<WorkloadSpec> Workloads, bool Restrictions, bool DefaultRole)
{
    public const string Fallback = "fallback";

    public string? DefaultRoleName => DefaultRole ? Fallback : null;

    /// <summary>The workload inventory: kube2iam with its base ARN and flags, namespaces <c>ns0</c>.., workloads <c>w0</c>...</summary>
    public WorkloadInventory ToInventory()
    {
        var args = new List<string>();
        if (Restrictions)
        {
            args.Add("--namespace-restrictions");
        }

        if (DefaultRole)
        {
            args.Add("--default-role=" + Fallback);
        }

        var workloads = Workloads.Select((w, i) => W(NamespaceName(w.Namespace), $"w{i}", w.Role, w.ServiceAccount is { } sa ? $"sa{sa}" : null, w.Kind, hostNetwork: w.HostNetwork, windows: w.Windows));
        var namespaces = Namespaces.Select((r, i) => Ns(NamespaceName(i), r switch
        {
            NamespaceRestriction.None => null,
            NamespaceRestriction.Any => "[\"*\"]",
            NamespaceRestriction.R1 => "[\"r1\"]",
            _ => "[\"r2\", \"r3\"]",
        }));
        return Kube2iamCluster(workloads, namespaces, null, [.. args]);
    }

    /// <summary>A workload or a namespace fewer first, then simpler flags, restrictions and workloads.</summary>
    public IEnumerable<WorkloadCase> Shrink()
    {
        if (Workloads.Length > 1)
        {
            for (var i = 0; i < Workloads.Length; i++)
            {
                yield return this with { Workloads = Workloads.RemoveAt(i) };
            }
        }

        if (Namespaces.Length > 1 && Workloads.All(w => w.Namespace < Namespaces.Length - 1))
        {
            yield return this with { Namespaces = Namespaces.RemoveAt(Namespaces.Length - 1) };
        }

        if (Restrictions)
        {
            yield return this with { Restrictions = false };
        }

        if (DefaultRole)
        {
            yield return this with { DefaultRole = false };
        }

        for (var i = 0; i < Namespaces.Length; i++)
        {
            if (Namespaces[i] != NamespaceRestriction.None)
            {
                yield return this with { Namespaces = Namespaces.SetItem(i, NamespaceRestriction.None) };
            }
        }

        for (var i = 0; i < Workloads.Length; i++)
        {
            foreach (var simpler in Workloads[i].Shrink())
            {
                yield return this with { Workloads = Workloads.SetItem(i, simpler) };
            }
        }
    }

    public override string ToString()
    {
        var inventory = ToInventory();
        var text = new StringBuilder();
        text.AppendLine($"restrictions={Restrictions} default-role={DefaultRoleName ?? "(none)"}");
        foreach (var ns in inventory.Namespaces)
        {
            text.AppendLine($"namespace {ns.Name}: {string.Join(", ", ns.Annotations.Select(a => $"{a.Key}={a.Value}"))}");
        }

        foreach (var w in inventory.Workloads)
        {
            text.AppendLine($"{w.Key} sa={w.EffectiveServiceAccount} role={w.PodAnnotations.GetValueOrDefault(RoleKey) ?? "-"} hostNetwork={w.HostNetwork} windows={w.SelectsWindows}");
        }

        return text.ToString();
    }

    private static string NamespaceName(int index) => $"ns{index}";
}
