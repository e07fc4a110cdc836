namespace EksAccessMigrator.Apply.Coordination;

/// <summary>The cluster lease's name and the annotations that say who holds it, in machine-readable form.</summary>
internal static class LeaseAnnotations
{
    public const string Namespace = "kube-system";
    public const string Name = "eks-access-migrator";
    public const string User = "eks-access-migrator.io/holder-user";
    public const string Host = "eks-access-migrator.io/holder-host";
    public const string ProcessId = "eks-access-migrator.io/holder-pid";
    public const string PlanHash = "eks-access-migrator.io/plan-hash";
    public const string Operation = "eks-access-migrator.io/operation";
}
