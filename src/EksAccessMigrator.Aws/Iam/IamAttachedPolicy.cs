namespace EksAccessMigrator.Aws.Iam;

/// <summary>A managed policy attached to a role (ListAttachedRolePolicies).</summary>
public sealed record IamAttachedPolicy(string PolicyName, string PolicyArn);
