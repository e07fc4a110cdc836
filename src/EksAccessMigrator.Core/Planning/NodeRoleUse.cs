using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Planning;

/// <summary>A role that nodes (or the kiam server) run as, and where it is used (rules N1-N3).</summary>
/// <param name="RoleArn">The ARN as found (aws-auth rows carry no path).</param>
/// <param name="UsedBy">Where: <c>aws-auth/mapRoles[0]</c>, <c>access entry</c>, <c>nodegroup/NAME</c>, <c>kiam server --assume-role-arn</c>; sorted.</param>
/// <param name="KiamServer">The kiam server's <c>--assume-role-arn</c>, which holds the assume permission instead of the node role.</param>
public sealed record NodeRoleUse(string RoleArn, ImmutableArray<string> UsedBy, bool KiamServer);
