using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Invariants I1-I5 over generated aws-auth content (property-based, fixed seed).</summary>
public sealed class InvariantTests
{
    private const int Cases = 1000;

    private static readonly IamSnapshot SomeIam = Iam(
        "arn:aws:iam::111122223333:role/admin",
        "arn:aws:iam::111122223333:role/teams/dev",
        "arn:aws:iam::111122223333:role/nodes",
        "arn:aws:iam::111122223333:role/fargate",
        "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1",
        "arn:aws:iam::111122223333:user/admin");

    private static readonly string[] EntryGroups = ["dev", "ops", "viewers"];

    private static (ClusterInventory Inventory, AwsAuthContents Contents) Input(Random random)
    {
        var (roles, users, accounts) = AwsAuthGenerator.Generate(random);
        var awsAuth = AwsAuthOf(mapRoles: roles, mapUsers: users, mapAccounts: accounts);
        var inventory = ClusterOf(awsAuth, random.Next(2) == 0 ? SomeIam : null);
        if (random.Next(3) == 0)
        {
            // Rule A9: a cluster in API_AND_CONFIG_MAP whose access entries already give some principals an identity.
            var existing = SomeIam.Principals.Where(_ => random.Next(2) == 0).Select(p => random.Next(4) switch
            {
                0 => Entry(p.ToString(), "EC2_LINUX", null, []),
                1 => Entry(p.ToString(), "STANDARD", "admin", [], (Admin, new AccessScope(AccessScope.NamespaceType, ["team-a"]))),
                _ => Entry(p.ToString(), "STANDARD", random.Next(2) == 0 ? "dev" : null, [.. EntryGroups.Where(_ => random.Next(2) == 0)]),
            });
            inventory = inventory with { Cluster = inventory.Cluster with { AuthenticationMode = AuthenticationMode.ApiAndConfigMap }, ExistingAccessEntries = [.. existing] };
        }

        return (inventory, AwsAuthParser.Parse(awsAuth));
    }

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
        Property.ForAll(Cases, Input, input =>
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
        }, Describe);
    }

    private static string Describe((ClusterInventory Inventory, AwsAuthContents Contents) input) =>
        string.Join("\n", input.Inventory.AwsAuth!.Data.Select(d => $"{d.Key}: |\n{d.Text}"));

    [Fact]
    public void I1_I2_EveryEntryKeepsExactlyTheIdentityItsMappingGave_AndGainsNothing()
    {
        Property.ForAll(Cases, Input, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            foreach (var entry in plan.Changes.OfType<CreateAccessEntryChange>())
            {
                var mapping = input.Contents.Mappings.Single(m => entry.Sources.Contains(m.Source));
                var groups = mapping.Groups.Where(g => g != "system:masters").ToHashSet();
                if (entry.Type == AccessEntryTypes.Standard)
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
        }, Describe);
    }

    [Fact]
    public void I3_SamePlanForTheSameInputs_ByteForByte()
    {
        Property.ForAll(200, Input, input =>
        {
            var first = PlanJson.Serialize(MigrationPlanner.Plan(input.Inventory, new PlannerOptions()));
            var reordered = input.Inventory with
            {
                AwsAuth = input.Inventory.AwsAuth! with { Data = [.. input.Inventory.AwsAuth.Data.Reverse()] },
                Iam = new IamSnapshot([.. input.Inventory.Iam.Principals.Reverse()]),
            };
            var second = PlanJson.Serialize(MigrationPlanner.Plan(reordered, new PlannerOptions()));
            Assert.Equal(first, second);
        }, Describe);
    }

    [Fact]
    public void I3_ChangesAreSortedByStageAndAddress_FindingsBySeverity()
    {
        Property.ForAll(300, Input, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            var keys = plan.Changes.Select(c => (c.Stage, c.Address)).ToList();
            Assert.Equal(keys.OrderBy(k => k.Stage).ThenBy(k => k.Address, StringComparer.Ordinal), keys);
            Assert.Equal(plan.Changes.Length, plan.Changes.Select(c => c.Address).Distinct().Count());
            Assert.Equal(plan.Findings.OrderBy(f => f.Severity), plan.Findings);
        }, Describe);
    }

    [Fact]
    public void I4_EveryEntryReadEndsAsAChangeANoOpOrAFinding()
    {
        Property.ForAll(Cases, Input, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            Assert.Empty(SourceAccounting.Unaccounted(input.Contents.EntriesRead, plan));
            Assert.All(input.Inventory.AwsAuth!.Data.Where(d => !AwsAuthSection.IsKnown(d.Key)), d =>
                Assert.Contains(plan.Findings, f => f.Sources.Contains($"aws-auth/data/{d.Key}")));
        }, Describe);
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
        Property.ForAll(300, Input, input =>
        {
            var plan = MigrationPlanner.Plan(input.Inventory, new PlannerOptions());
            Assert.All(plan.Changes, c => Assert.Equal(c is not UpdateClusterConfigChange, c.Reversible));
        }, Describe);
    }
}
