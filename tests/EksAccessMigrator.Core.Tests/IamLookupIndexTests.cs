using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning.Workloads;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// Issue 11: the IAM snapshot's lookups and the trust policies are indexed once instead of searched for every row and
/// workload (quadratic for an account of thousands of roles). Rules A1 and K3 must read exactly what a search in order
/// read: the first principal listed, names ignoring case, paths exactly; checked against that search on random data.
/// </summary>
public sealed class IamLookupIndexTests
{
    private static readonly string[] Accounts = ["111122223333", "444455556666"];
    private static readonly string[] Names = ["web", "Web", "WEB", "api", "ops"];
    private static readonly string[] Paths = ["/", "/team/", "/Team/"];

    private static IamPrincipalArn Arn(Random random, IamPrincipalKind? kind = null) =>
        new(random.Next(6) == 0 ? "aws-cn" : "aws", Accounts[random.Next(Accounts.Length)], kind ?? (random.Next(3) == 0 ? IamPrincipalKind.User : IamPrincipalKind.Role), Paths[random.Next(Paths.Length)], Names[random.Next(Names.Length)]);

    [Fact]
    public void A1_K3_SnapshotLookups_FindTheFirstPrincipalListed_AsASearchInOrderDoes()
    {
        var random = new Random(1201);
        for (var n = 0; n < 500; n++)
        {
            var principals = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Arn(random)).ToImmutableArray();
            var snapshot = new IamSnapshot(principals);
            foreach (var account in Accounts.Append("999999999999"))
            {
                Assert.Equal(principals.Any(p => p.AccountId == account), snapshot.Covers(account));
                foreach (var name in Names.Append("none"))
                {
                    Assert.Equal(principals.FirstOrDefault(p => p.Kind == IamPrincipalKind.Role && p.AccountId == account && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)), snapshot.FindRole(account, name));
                    Assert.Equal(principals.FirstOrDefault(p => p.Kind == IamPrincipalKind.User && p.AccountId == account && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)), snapshot.FindUser(account, name));
                }
            }
        }
    }

    [Fact]
    public void K3_VerifyingARole_AgainstIndexedTrustPolicies_ReadsAsASearchOfEveryPolicyInOrder()
    {
        var random = new Random(1202);
        for (var n = 0; n < 500; n++)
        {
            var policies = Enumerable.Range(0, random.Next(0, 10))
                .Select(i => new RoleTrustPolicy(random.Next(8) == 0 ? "not-an-arn" : Arn(random, IamPrincipalKind.Role).ToString(), "{}", $"trust-{i}.json"))
                .ToImmutableArray();
            var asked = Arn(random, IamPrincipalKind.Role);

            var verified = RoleResolver.Verify(asked, IamSnapshot.Empty, policies);

            Assert.Equal(SearchInOrder(asked, policies), verified.Arn?.ToString() ?? $"problem {verified.Problem!.Kind} found {verified.Problem.Found}");
        }
    }

    /// <summary>The rule as a search: a policy of the same role and path is that role; one of the same name elsewhere is a path mismatch.</summary>
    private static string SearchInOrder(IamPrincipalArn asked, ImmutableArray<RoleTrustPolicy> policies)
    {
        IamPrincipalArn? elsewhere = null;
        foreach (var policy in policies)
        {
            if (IamPrincipalArn.TryParse(policy.RoleArn, out var known, out _) && RoleResolver.Same(known, asked))
            {
                if (string.Equals(known.Path, asked.Path, StringComparison.Ordinal))
                {
                    return known.ToString();
                }

                elsewhere ??= known;
            }
        }

        return elsewhere is null ? asked.ToString() : $"problem {RoleProblemKind.PathMismatch} found {elsewhere}";
    }
}
