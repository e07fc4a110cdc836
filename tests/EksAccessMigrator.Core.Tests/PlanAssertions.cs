using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Tests;

internal static class PlanAssertions
{
    public static Finding Single(this MigrationPlan plan, string code) =>
        Assert.Single(plan.Findings, f => f.Code == code);

    public static bool Has(this MigrationPlan plan, string code) => plan.Findings.Any(f => f.Code == code);

    public static IReadOnlyList<T> Changes<T>(this MigrationPlan plan)
        where T : PlanChange => [.. plan.Changes.OfType<T>()];

    public static CreateAccessEntryChange Entry(this MigrationPlan plan, string principalArn) =>
        Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn == principalArn);

    public static bool HasEntryFor(this MigrationPlan plan, string principalArnFragment) =>
        plan.Changes.OfType<CreateAccessEntryChange>().Any(c => c.PrincipalArn.Contains(principalArnFragment, StringComparison.Ordinal));
}
