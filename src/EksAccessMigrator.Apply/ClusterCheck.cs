using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply;

/// <summary>
/// The outcome of the checks of which cluster this is (<see cref="Preflight.CheckClusterAsync"/>): a refusal, or the
/// cluster as DescribeCluster returned it then, which the rest of the preflight reuses instead of describing it again.
/// </summary>
internal sealed record ClusterCheck(Refusal? Refusal, ClusterDescription? Described);
