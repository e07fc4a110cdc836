using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>The kube2iam and kiam examples, every phase, against checked-in golden files (I3).</summary>
public sealed class WorkloadGoldenTests
{
    [Theory]
    [InlineData("json", "migrate", "kube2iam.plan.json")]
    [InlineData("markdown", "migrate", "kube2iam.plan.md")]
    [InlineData("table", "migrate", "kube2iam.plan.txt")]
    [InlineData("json", "cutover", "kube2iam.cutover.plan.json")]
    [InlineData("json", "finalize", "kube2iam.finalize.plan.json")]
    [InlineData("markdown", "finalize", "kube2iam.finalize.plan.md")]
    public async Task Kube2iamExample(string format, string phase, string golden)
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iam("--format", format, "--phase", phase));

        Assert.True(result.ExitCode == 0, result.Error);
        Golden.Verify(golden, result.NormalizedOut);
    }

    [Theory]
    [InlineData("json", "migrate", "kiam.plan.json")]
    [InlineData("markdown", "migrate", "kiam.plan.md")]
    [InlineData("json", "cutover", "kiam.cutover.plan.json")]
    [InlineData("json", "finalize", "kiam.finalize.plan.json")]
    public async Task KiamExample(string format, string phase, string golden)
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kiam("--format", format, "--phase", phase, "--oidc-issuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"));

        Assert.True(result.ExitCode == 0, result.Error);
        Golden.Verify(golden, result.NormalizedOut);
    }

    [Fact]
    public async Task Kube2iamExample_HasEveryOutcomeTheExampleWasWrittenFor()
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iam("--format", "json"));
        var plan = PlanJson.Deserialize(result.Out, "kube2iam");

        Assert.Equal(
            ["batch/runner", "shop/cart", "shop/nightly-report", "shop/web"],
            plan.Changes.OfType<CreatePodIdentityAssociationChange>().Select(a => $"{a.Namespace}/{a.ServiceAccount}").ToArray());
        Assert.Equal("arn:aws:iam::111122223333:role/shared/reporting", plan.Changes.OfType<CreatePodIdentityAssociationChange>().Single(a => a.ServiceAccount == "nightly-report").RoleArn);
        Assert.Equal(
            ["bare-pod", "cross-account-role", "dedicated-service-account", "default-role-not-migrated", "host-network", "identity-agent-configuration", "imds-reachable-from-pods", "pod-identity-unsupported-compute", "role-not-permitted", "trust-policy-unknown", "verify-pod-identity-agent"],
            plan.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(plan.Changes.OfType<UpdateAssumeRolePolicyChange>().Where(c => c.RoleArn.EndsWith("/shop-web", StringComparison.Ordinal)), c => Assert.NotNull(c.DocumentAfter));
    }

    [Fact]
    public async Task MarkdownShowsTrustPolicyChangesAsADiff()
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iam("--format", "markdown"));

        Assert.Contains("```diff", result.Out, StringComparison.Ordinal);
        Assert.Contains("+       \"Principal\": {", result.Out, StringComparison.Ordinal);
        Assert.Contains("  {\n    \"Version\": \"2012-10-17\",", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRestrictionFormatIsAUsageError()
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iam("--namespace-restriction-format", "regex"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--namespace-restriction-format", result.Error, StringComparison.Ordinal);
    }
}
