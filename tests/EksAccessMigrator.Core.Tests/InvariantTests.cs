using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// Invariants I1-I5 over generated aws-auth content (FsCheck, fixed seed; a failure shrinks to a minimal aws-auth and
/// prints it with the seed).
/// </summary>
public sealed class InvariantTests
{
    private const int Cases = 1000;

    private static readonly IamSnapshot SomeIam = Iam([.. AwsAuthGenerator.IamPrincipals]);

    private static (ClusterInventory Inventory, AwsAuthContents Contents) Input(AwsAuthCase generated)
    {
        var awsAuth = AwsAuthOf(mapRoles: generated.MapRoles, mapUsers: generated.MapUsers, mapAccounts: generated.MapAccountsText);
        var inventory = ClusterOf(awsAuth, generated.WithIamSnapshot ? SomeIam : null);
        if (generated.ApiAndConfigMap)
        {
            // Rule A9: a cluster in API_AND_CONFIG_MAP whose access entries already give some principals an identity.
            inventory = inventory with
            {
                Cluster = inventory.Cluster with { AuthenticationMode = AuthenticationMode.ApiAndConfigMap },
                ExistingAccessEntries = [.. generated.ExistingEntries.Select(e => e.ToEntry())],
            };
        }

        return (inventory, AwsAuthParser.Parse(awsAuth));
    }

    private static void ForAll(int cases, Action<(ClusterInventory Inventory, AwsAuthContents Contents)> check) =>
        Prop.ForAll(AwsAuthGenerator.Cases, generated => check(Input(generated))).Check(PropertyRun.Cases(cases));

    /// <summary>
    /// An independent model of the authenticator (rules P4, P6, P7): the row a caller with this role or user name
    /// matches today, or null. Callers are looked up by canonical ARN (roles path-less), mapRoles before mapUsers,
    /// the last row of a section winning.
    /// </summary>
    private static AwsAuthMapping? RowMatchedToday(AwsAuthContents contents, IamPrincipalArn principal)
    {
        bool Matches(AwsAuthMapping m)
        {
            if (!IamPrincipalArn.TryParse(m.Arn, out var written, out _) || written.AccountId != principal.AccountId || written.Kind != principal.Kind)
            {
                return false;
            }

            return principal.Kind == IamPrincipalKind.Role
                ? written.Path == "/" && string.Equals(written.Name, principal.Name, StringComparison.OrdinalIgnoreCase)
                : !m.IsRoleSection && string.Equals(written.ToString(), principal.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        var all = contents.Mappings.Concat(contents.Shadowed.Select(s => s.Shadowed)).Concat(contents.NeverMatched).Where(Matches).ToList();
        return all.Where(m => m.IsRoleSection).OrderBy(m => m.Index).LastOrDefault()
            ?? all.Where(m => !m.IsRoleSection).OrderBy(m => m.Index).LastOrDefault();
    }

    [Fact]
    public void I2_EveryNewEntryComesFromTheRowTheAuthenticatorMatchesToday_AndExistingEntriesAreNeverChanged()
    {
        ForAll(Cases, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            var existing = (input.Inventory.ExistingAccessEntries ?? []).Select(e => e.PrincipalArn.ToLowerInvariant()).ToHashSet();
            foreach (var change in plan.Changes.OfType<AssociateAccessPolicyChange>())
            {
                Assert.DoesNotContain(change.PrincipalArn.ToLowerInvariant(), existing);
            }

            foreach (var entry in plan.Changes.OfType<CreateAccessEntryChange>())
            {
                Assert.DoesNotContain(entry.PrincipalArn.ToLowerInvariant(), existing);
                var mapping = input.Contents.Mappings.Single(m => entry.Sources.Contains(m.Source));
                if (mapping.Sso is not null)
                {
                    continue;
                }

                Assert.True(IamPrincipalArn.TryParse(entry.PrincipalArn, out var principal, out _));
                var today = RowMatchedToday(input.Contents, principal);
                Assert.True(ReferenceEquals(today, mapping) || today == mapping, $"{entry.PrincipalArn} is planned from {mapping.Source}, but the authenticator matches it with {today?.Source ?? "no row"} today");
            }
        });
    }

    [Fact]
    public void I1_I2_EveryEntryKeepsExactlyTheIdentityItsMappingGave_AndGainsNothing()
    {
        ForAll(Cases, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            foreach (var entry in plan.Changes.OfType<CreateAccessEntryChange>())
            {
                var mapping = input.Contents.Mappings.Single(m => entry.Sources.Contains(m.Source));
                var groups = mapping.Groups.Where(g => g != "system:masters").ToHashSet();
                if (entry.Type == AccessEntryType.Standard)
                {
                    Assert.Equal(mapping.Username, entry.Username);
                    Assert.True(groups.SetEquals(entry.KubernetesGroups), $"groups of {entry.PrincipalArn} changed");
                    Assert.DoesNotContain(entry.KubernetesGroups, g => g.StartsWith("system:", StringComparison.Ordinal));
                }
                else
                {
                    Assert.True(mapping.Groups.Contains("system:nodes") || mapping.Groups.Contains("system:node-proxier"), "a node entry for a mapping without node groups");
                    Assert.StartsWith("system:node:", mapping.Username, StringComparison.Ordinal);
                    Assert.Empty(entry.KubernetesGroups);
                }

                var name = entry.PrincipalArn[(entry.PrincipalArn.LastIndexOf('/') + 1)..];
                Assert.True(mapping.Sso is not null || mapping.Arn!.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase), "principal changed");
            }

            foreach (var policy in plan.Changes.OfType<AssociateAccessPolicyChange>())
            {
                var mapping = input.Contents.Mappings.Single(m => policy.Sources.Contains(m.Source));
                Assert.Contains("system:masters", mapping.Groups);
                Assert.Contains(plan.Changes.OfType<CreateAccessEntryChange>(), e => e.PrincipalArn == policy.PrincipalArn);
            }
        });
    }

    [Fact]
    public void I3_SamePlanForTheSameInputs_ByteForByte()
    {
        ForAll(200, input =>
        {
            var first = PlanJson.Serialize(MigrationPlanner.Plan(input.Inventory, new PlannerOptions()));
            var reordered = input.Inventory with
            {
                AwsAuth = input.Inventory.AwsAuth! with { Data = [.. input.Inventory.AwsAuth.Data.Reverse()] },
                Iam = new IamSnapshot([.. input.Inventory.Iam.Principals.Reverse()]),
            };
            var second = PlanJson.Serialize(MigrationPlanner.Plan(reordered, new PlannerOptions()));
            Assert.Equal(first, second);
        });
    }

    [Fact]
    public void I3_ChangesAreSortedByStageAndAddress_FindingsBySeverity()
    {
        ForAll(300, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            var keys = plan.Changes.Select(c => (c.Stage, c.Address)).ToList();
            Assert.Equal(keys.OrderBy(k => k.Stage).ThenBy(k => k.Address, StringComparer.Ordinal), keys);
            Assert.Equal(plan.Changes.Length, plan.Changes.Select(c => c.Address).Distinct().Count());
            Assert.Equal(plan.Findings.OrderBy(f => f.Severity), plan.Findings);
        });
    }

    [Fact]
    public void I4_EveryEntryReadEndsAsAChangeANoOpOrAFinding()
    {
        ForAll(Cases, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            Assert.Empty(SourceAccounting.Unaccounted(input.Contents.EntriesRead, plan));
            Assert.All(input.Inventory.AwsAuth!.Data.Where(d => !AwsAuthSection.IsKnown(d.Key)), d =>
                Assert.Contains(plan.Findings, f => f.Sources.Contains($"aws-auth/data/{d.Key}")));
        });
    }

    [Fact]
    public void I4_APlannerThatDropsAnInputIsCaught()
    {
        var plan = MigrationPlanner.Plan(ClusterOf(AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n")), new PlannerOptions());
        var dropped = plan with { Changes = ImmutableArray<PlanChange>.Empty, Findings = [] };

        Assert.Equal<string>(["aws-auth/mapRoles[0]"], SourceAccounting.Unaccounted(["aws-auth/mapRoles[0]"], dropped));
    }

    [Fact]
    public void I5_OnlyTheModeChangeIsIrreversible()
    {
        ForAll(300, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            Assert.All(plan.Changes, c => Assert.Equal(c is not UpdateClusterConfigChange, c.Reversible));
        });
    }
}
