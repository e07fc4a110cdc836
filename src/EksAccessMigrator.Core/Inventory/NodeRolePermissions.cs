using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// What an IAM role that nodes (or the kiam server) run as may do, as IAM reported it (rules N1-N3): its attached
/// managed policies and its inline policies with their documents. Live, it is read for the node roles found; offline,
/// for every role of an <c>aws iam get-account-authorization-details</c> file.
/// </summary>
/// <param name="RoleArn">The role's ARN, path included.</param>
/// <param name="AttachedPolicyArns">ARNs of its attached managed policies, sorted.</param>
/// <param name="InlinePolicies">Its inline policies (name and decoded document), sorted by name.</param>
/// <param name="Source">Where it was read: the file and list item, or the IAM calls.</param>
public sealed record NodeRolePermissions(string RoleArn, ImmutableArray<string> AttachedPolicyArns, ImmutableArray<RolePolicyDocument> InlinePolicies, string Source)
{
    /// <summary>Where the role is used, besides aws-auth: <c>nodegroup/NAME</c>, <c>EC2NodeClass/NAME</c> (live).</summary>
    public ImmutableArray<string> UsedBy { get; init; } = [];

    /// <summary>The role's creation date, when IAM data carries it.</summary>
    public DateTimeOffset? CreateDate { get; init; }
}
