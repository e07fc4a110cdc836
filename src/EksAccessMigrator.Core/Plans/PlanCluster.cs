namespace EksAccessMigrator.Core.Plans;

/// <summary>The cluster a plan was made for; apply refuses a plan for another cluster, account or region.</summary>
public sealed record PlanCluster(string Name, string Region, string AccountId, string Partition, string AuthenticationMode);
