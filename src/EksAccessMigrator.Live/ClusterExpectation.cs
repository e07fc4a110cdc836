namespace EksAccessMigrator.Live;

/// <summary>Which cluster a connection must reach: a plan's or a journal's account and region, and the cluster ARN when it recorded one.</summary>
public sealed record ClusterExpectation(string AccountId, string Region, string? Arn);
