using FsCheck;
using FsCheck.Fluent;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>The workload generators reach every kind of workload and restriction, and a failing property shrinks to a minimal cluster.</summary>
public sealed class WorkloadGeneratorTests
{
    [Fact]
    public void Kube2iam_cases_reach_every_kind_restriction_and_flag()
    {
        var kinds = new HashSet<string>();
        var restrictions = new HashSet<NamespaceRestriction>();
        var values = new HashSet<string>();
        int restricted = 0, fallback = 0, hostNetwork = 0, windows = 0, noRole = 0, noServiceAccount = 0;
        Prop.ForAll(WorkloadGenerator.Kube2iamCases, generated =>
        {
            kinds.UnionWith(generated.Workloads.Select(w => w.Kind));
            restrictions.UnionWith(generated.Namespaces);
            values.UnionWith(generated.Workloads.Select(w => w.Role).OfType<string>());
            restricted += generated.Restrictions ? 1 : 0;
            fallback += generated.DefaultRole ? 1 : 0;
            hostNetwork += generated.Workloads.Any(w => w.HostNetwork) ? 1 : 0;
            windows += generated.Workloads.Any(w => w.Windows) ? 1 : 0;
            noRole += generated.Workloads.Any(w => w.Role is null) ? 1 : 0;
            noServiceAccount += generated.Workloads.Any(w => w.ServiceAccount is null) ? 1 : 0;
            Assert.All(generated.Workloads, w => Assert.InRange(w.Namespace, 0, generated.Namespaces.Length - 1));
        }).Check(PropertyRun.Cases(1000));

        Assert.Equal(["CronJob", "DaemonSet", "Deployment", "Job", "Pod", "StatefulSet"], kinds.Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<NamespaceRestriction>().Order(), restrictions.Order());
        Assert.Equal(WorkloadGenerator.Values.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.InRange(restricted, 400, 600);
        Assert.InRange(fallback, 250, 420);
        Assert.InRange(hostNetwork, 200, 700);
        Assert.InRange(windows, 200, 700);
        Assert.InRange(noRole, 300, 900);
        Assert.InRange(noServiceAccount, 400, 950);
    }

    [Fact]
    public void A_failing_kube2iam_property_shrinks_to_the_one_workload_that_breaks_it()
    {
        var property = Prop.ForAll(WorkloadGenerator.Kube2iamCases, generated =>
            Assert.DoesNotContain(generated.Workloads, w => w.Role == "r2" && w.Kind == "CronJob"));

        var failure = Assert.ThrowsAny<Exception>(() => property.Check(PropertyRun.Cases(1000)));

        var message = failure.Message;
        Assert.Contains($"({PropertyRun.Seed},", message, StringComparison.Ordinal);
        var shrunk = message[message.IndexOf("Shrunk:", StringComparison.Ordinal)..message.IndexOf("with exception", StringComparison.Ordinal)];
        Assert.Single(shrunk.Split('\n'), l => l.StartsWith("ns0/", StringComparison.Ordinal) || l.Contains("/CronJob/", StringComparison.Ordinal));
        Assert.Contains("ns0/CronJob/w0 sa=default role=r2 hostNetwork=False windows=False", shrunk, StringComparison.Ordinal);
        Assert.Contains("restrictions=False default-role=(none)", shrunk, StringComparison.Ordinal);
        Assert.Single(shrunk.Split('\n'), l => l.StartsWith("namespace ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_irsa_property_shrinks_to_one_service_account_and_one_statement_per_role()
    {
        var property = Prop.ForAll(WorkloadGenerator.IrsaCases, generated =>
            Assert.DoesNotContain(generated.ServiceAccounts, s => s.Windows));

        var failure = Assert.ThrowsAny<Exception>(() => property.Check(PropertyRun.Cases(300)));

        var message = failure.Message;
        var shrunk = message[message.IndexOf("Shrunk:", StringComparison.Ordinal)..message.IndexOf("with exception", StringComparison.Ordinal)];
        Assert.Single(shrunk.Split('\n'), l => l.Contains(" -> ", StringComparison.Ordinal));
        Assert.Contains("windows=True", shrunk, StringComparison.Ordinal);

        // Each role keeps one statement of this cluster (in its classic host form) and the other cluster's one.
        var policies = shrunk.Split('\n').Where(l => l.StartsWith(IrsaCase.Roles[0], StringComparison.Ordinal) || l.StartsWith(IrsaCase.Roles[1], StringComparison.Ordinal)).ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal(2, p.Split("\"Effect\"").Length - 1));
        Assert.All(policies, p => Assert.DoesNotContain("api.aws", p, StringComparison.Ordinal));
    }
}
