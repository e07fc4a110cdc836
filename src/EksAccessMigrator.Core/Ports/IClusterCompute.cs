namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// Where the cluster's pods run (the live scan, rules K9, R4): managed node groups and Fargate profiles. A node group
/// or profile deleted between the list and the describe is null; other failures throw a <see cref="ServiceCallException"/>.
/// </summary>
public interface IClusterCompute
{
    /// <summary>The names of the managed node groups, asking for <paramref name="pageSize"/> per page.</summary>
    IAsyncEnumerable<string> ListNodegroupsAsync(string clusterName, int pageSize, CancellationToken cancellationToken);

    /// <summary>One node group; null when it does not exist (any more).</summary>
    Task<NodegroupDescription?> DescribeNodegroupAsync(string clusterName, string nodegroupName, CancellationToken cancellationToken);

    /// <summary>The names of the Fargate profiles, asking for <paramref name="pageSize"/> per page.</summary>
    IAsyncEnumerable<string> ListFargateProfilesAsync(string clusterName, int pageSize, CancellationToken cancellationToken);

    /// <summary>One Fargate profile; null when it does not exist (any more).</summary>
    Task<FargateProfileDescription?> DescribeFargateProfileAsync(string clusterName, string profileName, CancellationToken cancellationToken);
}
