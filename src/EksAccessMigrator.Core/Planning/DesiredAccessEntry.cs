using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning;

/// <summary>The access entry a mapping calls for, with the cluster-scoped policies it needs.</summary>
internal sealed record DesiredAccessEntry(
    IamPrincipalArn Principal,
    AccessEntryType Type,
    string? Username,
    ImmutableArray<string> Groups,
    ImmutableArray<string> ClusterPolicyArns,
    string Source,
    bool FromSso)
{
    public string PrincipalArn => Principal.ToString();

    public string Key => PrincipalKey.Of(Principal);
}
