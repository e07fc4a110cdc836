using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// FsCheck generator and shrinker of aws-auth content mixing valid, hostile and malformed rows, with an optional IAM
/// snapshot and optional existing access entries. A failing case shrinks to the fewest rows and entries that still fail.
/// </summary>
internal static class AwsAuthGenerator
{
    /// <summary>The principals of the IAM snapshot (and the candidates for existing access entries).</summary>
    public static readonly ImmutableArray<string> IamPrincipals =
    [
        "arn:aws:iam::111122223333:role/admin",
        "arn:aws:iam::111122223333:role/teams/dev",
        "arn:aws:iam::111122223333:role/nodes",
        "arn:aws:iam::111122223333:role/fargate",
        "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1",
        "arn:aws:iam::111122223333:user/admin",
    ];

    private static readonly string[] Accounts = ["111122223333", "444455556666", "11111111111"];
    private static readonly string[] Names =
    [
        "admin", "Admin", "dev", "nodes", "teams/dev", "teams/admin", "aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1",
        "AWSReservedSSO_Admin_1", "AWSServiceRoleForX", "fargate", "ci",
    ];
    private static readonly string[] Usernames =
    [
        "", "admin", "dev:{{SessionName}}", "{{SessionName}}", "dev:{{SessionNameRaw}}", "system:node:{{EC2PrivateDNSName}}",
        "system:node:{{SessionName}}", "eks:x", "x:{{AccountID}}", "alice",
    ];
    private static readonly string[] Groups =
    [
        "system:masters", "system:nodes", "system:bootstrappers", "system:node-proxier", "eks:kube-proxy-windows",
        "system:monitoring", "dev", "ops", "team-{{SessionName}}",
    ];
    private static readonly string[] EntryGroups = ["dev", "ops", "viewers"];

    public static Arbitrary<AwsAuthCase> Cases { get; } = Arb.From(CaseGen(), c => c.Shrink());

    private static Gen<AwsAuthCase> CaseGen() =>
        from count in Gen.Choose(0, 11)
        from rows in Gen.ListOf(RowGen(), count)
        from mapAccounts in Chance(1, 5)
        from broken in Chance(1, 15)
        from withIam in Chance(1, 2)
        from apiMode in Chance(1, 3)
        from existing in apiMode ? ExistingGen() : Gen.Constant(ImmutableArray<ExistingEntrySpec>.Empty)
        select new AwsAuthCase([.. rows], mapAccounts, broken, withIam, apiMode, existing);

    private static Gen<AwsAuthRow> RowGen() =>
        from inUsers in Chance(1, 4)
        from account in Gen.Elements(Accounts)
        from userKind in Chance(2, 3)
        from arnShape in Gen.Frequency(
            (1, Gen.Constant(AwsAuthRowShape.AssumedRoleArn)),
            (1, Gen.Constant(AwsAuthRowShape.RootArn)),
            (10, Gen.Constant(AwsAuthRowShape.IamArn)))
        from rowKind in Gen.Choose(0, 9)
        from name in Gen.Elements(Names)
        from ssoAccount in Gen.Elements(Accounts)
        from username in Gen.Elements(Usernames)
        from groupCount in Gen.Choose(0, 3)
        from groups in Gen.ListOf(Gen.Elements(Groups), groupCount)
        let shape = rowKind switch
        {
            0 => AwsAuthRowShape.NoPrincipal,
            1 when !inUsers => AwsAuthRowShape.Sso,
            _ => arnShape,
        }
        select new AwsAuthRow(inUsers, shape, inUsers && userKind ? "user" : "role", account, name, ssoAccount, username, [.. groups.Distinct()]);

    private static Gen<ImmutableArray<ExistingEntrySpec>> ExistingGen() =>
        from picked in Gen.CollectToList(IamPrincipals, arn =>
            from include in Chance(1, 2)
            from kind in Gen.Frequency(
                (1, Gen.Constant(ExistingEntryKind.Node)),
                (1, Gen.Constant(ExistingEntryKind.NamespaceAdmin)),
                (2, Gen.Constant(ExistingEntryKind.Standard)))
            from username in Gen.Elements("dev", null)
            from groups in Gen.SubListOf(EntryGroups)
            select include ? new ExistingEntrySpec(arn, kind, username, [.. groups]) : null)
        select picked.OfType<ExistingEntrySpec>().ToImmutableArray();

    /// <summary>true with probability <paramref name="times"/> in <paramref name="outOf"/>.</summary>
    private static Gen<bool> Chance(int times, int outOf) =>
        Gen.Choose(1, outOf).Select(n => n <= times);
}
