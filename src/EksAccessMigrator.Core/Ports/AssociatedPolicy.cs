namespace EksAccessMigrator.Core.Ports;

/// <summary>An access policy associated with an access entry.</summary>
/// <param name="PolicyArn">The access policy ARN.</param>
/// <param name="Scope">Its scope; null when EKS reported none (cluster).</param>
public sealed record AssociatedPolicy(string PolicyArn, PolicyScope? Scope);
