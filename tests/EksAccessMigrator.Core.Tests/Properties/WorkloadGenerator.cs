using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// FsCheck generators and shrinkers of the workload invariants: kube2iam clusters (workloads, namespace restrictions,
/// the default role) and IRSA clusters (ServiceAccounts sharing roles whose trust policies mix this cluster's and
/// another cluster's OIDC statements). A failing case shrinks to the fewest workloads, ServiceAccounts and statements
/// that still fail.
/// </summary>
internal static class WorkloadGenerator
{
    /// <summary>Role annotation values: names under the base ARN, full ARNs (one of another account), a template.</summary>
    public static readonly string[] Values = ["r1", "r2", "r3", WorkloadCase.Fallback, "arn:aws:iam::111122223333:role/fallback", "arn:aws:iam::111122223333:role/r1", "arn:aws:iam::999988887777:role/x", "{{ .Values.role }}"];

    private static readonly string[] Kinds = ["Deployment", "Deployment", "StatefulSet", "CronJob", "DaemonSet", "Job", "Pod"];

    public static Arbitrary<WorkloadCase> Kube2iamCases { get; } = Arb.From(Kube2iamGen(), c => c.Shrink());

    public static Arbitrary<IrsaCase> IrsaCases { get; } = Arb.From(IrsaGen(), c => c.Shrink());

    private static Gen<WorkloadCase> Kube2iamGen() =>
        from restrictions in Chance(1, 2)
        from defaultRole in Chance(1, 3)
        from namespaceCount in Gen.Choose(1, 3)
        from namespaces in Gen.ListOf(Gen.Elements(Enum.GetValues<NamespaceRestriction>()), namespaceCount)
        from count in Gen.Choose(1, 15)
        from workloads in Gen.ListOf(WorkloadGen(namespaceCount), count)
        select new WorkloadCase([.. namespaces], [.. workloads], restrictions, defaultRole);

    private static Gen<WorkloadSpec> WorkloadGen(int namespaces) =>
        from ns in Gen.Choose(0, namespaces - 1)
        from noServiceAccount in Chance(1, 3)
        from serviceAccount in Gen.Choose(0, 2)
        from noRole in Chance(1, 5)
        from role in Gen.Elements(Values)
        from kind in Gen.Elements(Kinds)
        from hostNetwork in Chance(1, 10)
        from windows in Chance(1, 12)
        select new WorkloadSpec(ns, noServiceAccount ? null : serviceAccount, noRole ? null : role, kind, hostNetwork, windows);

    private static Gen<IrsaCase> IrsaGen() =>
        from count in Gen.Choose(2, 6)
        from serviceAccounts in Gen.ListOf(IrsaServiceAccountGen(), count)
        from trust in Gen.ListOf(Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(StatementGen(), n)).Select(s => s.ToImmutableArray()), IrsaCase.Roles.Length)
        select new IrsaCase([.. serviceAccounts], [.. trust]);

    private static Gen<IrsaServiceAccount> IrsaServiceAccountGen() =>
        from ns in Gen.Choose(0, 1)
        from role in Gen.Choose(0, IrsaCase.Roles.Length - 1)
        from windows in Chance(1, 3)
        select new IrsaServiceAccount(ns, role, windows);

    private static Gen<TrustStatementSpec> StatementGen() =>
        from host in Gen.Choose(0, IrsaCase.ThisCluster.Length - 1)
        from shape in Gen.Frequency(
            (1, Gen.Constant(TrustStatementShape.NamespaceWildcard)),
            (1, Gen.Constant(TrustStatementShape.NoCondition)),
            (4, Gen.Constant(TrustStatementShape.Subjects)))
        from wildcardNamespace in Gen.Choose(0, 1)
        from like in Chance(1, 3)
        from kept in Gen.Choose(0, 4095)
        from take in Gen.Choose(1, 4)
        from scalar in Chance(1, 2)
        select new TrustStatementSpec(host, shape, wildcardNamespace, shape == TrustStatementShape.Subjects && like, kept, take, scalar);

    /// <summary>true with probability <paramref name="times"/> in <paramref name="outOf"/>.</summary>
    private static Gen<bool> Chance(int times, int outOf) =>
        Gen.Choose(1, outOf).Select(n => n <= times);
}
