using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The posture of one node role (rules N1-N3): what every pod on its nodes can do through it today, and what it will
/// after finalize. Each permission is one line: the policy, and what it is (what nodes need, extra, assume-anything).
/// </summary>
/// <param name="UsedBy">Where the role is used: aws-auth rows, access entries, node groups, the kiam server.</param>
public sealed record PlanNodeRole(string RoleArn, ImmutableArray<string> UsedBy, ImmutableArray<string> Today, ImmutableArray<string> AfterFinalize);
