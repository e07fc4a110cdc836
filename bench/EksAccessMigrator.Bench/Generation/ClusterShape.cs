namespace EksAccessMigrator.Bench.Generation;

/// <summary>The size of a synthetic cluster: issue 11's L is 100,000 pods, 20,000 workloads, 2,000 namespaces, 2,900 aws-auth rows.</summary>
internal sealed record ClusterShape(string Name, int Namespaces, int Workloads, int PodsPerWorkload, int AwsAuthRows)
{
    public static ClusterShape S { get; } = new("S", 20, 200, 5, 29);

    public static ClusterShape M { get; } = new("M", 200, 2_000, 5, 290);

    public static ClusterShape L { get; } = new("L", 2_000, 20_000, 5, 2_900);

    public int Pods => Workloads * PodsPerWorkload;

    public override string ToString() => $"{Name}: {Pods:N0} pods, {Workloads:N0} workloads, {Namespaces:N0} namespaces, {AwsAuthRows:N0} aws-auth rows";
}
