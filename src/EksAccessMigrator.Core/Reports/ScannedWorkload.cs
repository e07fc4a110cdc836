namespace EksAccessMigrator.Core.Reports;

/// <summary>
/// One thing that gives pods an IAM role today: a pod template or bare Pod with the role annotation (kube2iam, kiam),
/// a ServiceAccount with the IRSA annotation, or a custom resource that carries the annotation.
/// </summary>
public sealed record ScannedWorkload(string Key, string Mechanism, string? ServiceAccount, string Role, string Location);
