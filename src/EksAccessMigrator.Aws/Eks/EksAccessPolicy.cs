namespace EksAccessMigrator.Aws.Eks;

/// <summary>An EKS cluster access policy (name and ARN).</summary>
public sealed record EksAccessPolicy(string Name, string Arn);
