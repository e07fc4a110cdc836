using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>aws-auth as the authenticator sees it: the mappings in effect, and what reading it found.</summary>
/// <param name="Mappings">Entries in effect (duplicates resolved: the last one wins, rule P4).</param>
/// <param name="Accounts">mapAccounts entries.</param>
/// <param name="Findings">Findings of rules P1-P4 and P6.</param>
/// <param name="EntriesRead">Every entry source read, in effect or not (for the I4 check).</param>
/// <param name="Shadowed">Entries ignored because another entry maps the same principal and wins (rules P4, P7), each with the winner.</param>
/// <param name="NeverMatched">Entries no caller can match (rule P6): inert, not migrated, not part of duplicate resolution.</param>
public sealed record AwsAuthContents(
    ImmutableArray<AwsAuthMapping> Mappings,
    ImmutableArray<AwsAuthAccount> Accounts,
    ImmutableArray<Finding> Findings,
    ImmutableArray<string> EntriesRead,
    ImmutableArray<(AwsAuthMapping Shadowed, AwsAuthMapping Winner)> Shadowed,
    ImmutableArray<AwsAuthMapping> NeverMatched);
