namespace EksAccessMigrator.Core.Inventory;

/// <summary>A Karpenter EC2NodeClass and the node role its nodes run as (<c>spec.role</c>: a role name or ARN; rules N1-N3).</summary>
public sealed record NodeClassRole(string NodeClass, string Role, SourceLocation Location);
