using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// The planner over the real-world files in ../shared/corpus (read in place, see its SOURCES.md), with the outcome
/// each rule calls for.
/// </summary>
public sealed class CorpusTests
{
    private static string File_(string name) => Path.Combine(Repo.Corpus, name);

    private static async Task<MigrationPlan> PlanAsync(string corpusFile, string account = "555555555555")
    {
        var result = await CliRun.RunAsync("plan", "--from", File_(corpusFile), "--cluster", "corpus", "--region", "us-east-1", "--account", account, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        return PlanJson.Deserialize(result.Out, corpusFile);
    }

    [SharedFact("corpus")]
    public async Task AuthenticatorReference_NodeRoleAdminUserAndMapAccounts()
    {
        var plan = await PlanAsync("kubernetes-sigs__aws-iam-authenticator__pkg_mapper_configmap_yaml_aws-auth.yaml");

        // M1: the mode change comes first.
        Assert.Equal("API_AND_CONFIG_MAP", Assert.IsType<UpdateClusterConfigChange>(plan.Changes[0]).AuthenticationMode.Wire());

        // A2: the worker-node role becomes an EC2_LINUX entry without username or groups.
        var node = Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Type.Wire() == "EC2_LINUX");
        Assert.Equal("arn:aws:iam::555555555555:role/devel-worker-nodes-NodeInstanceRole-74RF4UBDUKL6", node.PrincipalArn);
        Assert.Null(node.Username);

        // A3: the system:masters user becomes STANDARD + cluster admin policy, username kept.
        var admin = Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.Type.Wire() == "STANDARD");
        Assert.Equal(("arn:aws:iam::555555555555:user/admin", "admin"), (admin.PrincipalArn, admin.Username));
        Assert.Equal("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", Assert.Single(plan.Changes.OfType<AssociateAccessPolicyChange>()).PolicyArn);

        // A6: the unquoted account number is read and blocked.
        Assert.Equal("account:555555555555", Assert.Single(plan.Findings, f => f.Code == "map-accounts-unsupported").Subject);

        // A1: offline without IAM data, both principals are unverified.
        Assert.Equal(2, plan.Findings.Count(f => f.Code == "principal-path-unverified"));
        Assert.Equal(4, plan.Changes.Length);
    }

    [SharedFact("corpus")]
    public async Task CaseInsensitiveEntryKeys_GiveTheSamePlanAsTheReference()
    {
        var reference = await PlanAsync("kubernetes-sigs__aws-iam-authenticator__pkg_mapper_configmap_yaml_aws-auth.yaml");
        var caseKeys = await PlanAsync("kubernetes-sigs__aws-iam-authenticator__pkg_mapper_configmap_yaml_aws-auth-open-source-case-keys.yaml");

        Assert.Equal(
            reference.Changes.Select(c => c.Address),
            caseKeys.Changes.Select(c => c.Address));
        Assert.Equal(
            reference.Findings.Select(f => (f.Code, f.Subject)),
            caseKeys.Findings.Select(f => (f.Code, f.Subject)));
    }

    [SharedFact("corpus")]
    public async Task MapRolesAsAYamlList_IsAnInvalidSection_ButMapUsersIsStillMigrated()
    {
        var plan = await PlanAsync("kubernetes-sigs__aws-iam-authenticator__pkg_mapper_configmap_yaml_aws-auth-missing-bar.yaml");

        var invalid = Assert.Single(plan.Findings, f => f.Code == "aws-auth-section-invalid");
        Assert.Equal(("aws-auth/mapRoles", Severity.Blocker), (invalid.Subject, invalid.Severity));
        Assert.DoesNotContain(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn.Contains("role/", StringComparison.Ordinal));
        Assert.Single(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn == "arn:aws:iam::555555555555:user/admin");
    }

    [SharedFact("corpus")]
    public async Task ElevenDigitAccountIds_AreInvalidArns_NothingIsMigrated()
    {
        var plan = await PlanAsync("aidanmelen__terraform-aws-eks-auth__test_mock_aws-auth.yaml");

        Assert.Equal(3, plan.Findings.Count(f => f.Code == "principal-arn-invalid" && f.Severity == Severity.Blocker));
        Assert.Empty(plan.Changes);
    }

    private const string Kube2iamDaemonSet = "jtblin__kube2iam__examples_eks-example.yml";
    private const string BarePod = "aws-samples__aws-workshop-for-kubernetes__04-path-security-and-networking_402-authentication-and-authorization_templates_pod-with-kube2iam.yaml";
    private const string AllowedRoles = "aws-samples__aws-workshop-for-kubernetes__04-path-security-and-networking_402-authentication-and-authorization_templates_namespace-role-annotation.yaml";

    private static async Task<MigrationPlan> PlanFilesAsync(params string[] args)
    {
        var result = await CliRun.RunAsync(["plan", .. args, "--cluster", "corpus", "--region", "us-east-1", "--account", "555555555555", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return PlanJson.Deserialize(result.Out, "corpus");
    }

    [SharedFact("corpus")]
    public async Task Kube2iamDaemonSet_ItsFlagsAreReadAsConfiguration()
    {
        var plan = await PlanAsync(Kube2iamDaemonSet);

        var config = Assert.Single(plan.Findings, f => f.Code == "identity-agent-configuration");
        Assert.Contains("base ARN auto-discovered: the node role's account, arn:aws:iam::555555555555:role/", config.Message, StringComparison.Ordinal);
        Assert.Contains("default role: each node's own role", config.Message, StringComparison.Ordinal);
        Assert.Contains("kube-system/DaemonSet/kube2iam:--auto-discover-default-role", config.Sources);
        Assert.Empty(plan.Changes);
    }

    [SharedFact("corpus")]
    public async Task BarePodWithARoleName_WithoutTheDaemonSet_HasNoBaseArn()
    {
        var plan = await PlanAsync(BarePod);

        var finding = Assert.Single(plan.Findings, f => f.Code == "role-base-unknown");
        Assert.Equal(("default/Pod/aws-cli", Severity.Blocker), (finding.Subject, finding.Severity));
        Assert.Empty(plan.Changes);
    }

    [SharedFact("corpus")]
    public async Task BarePodWithTheDaemonSet_ResolvesTheRoleButCannotBePatched()
    {
        var plan = await PlanFilesAsync("--from", File_(Kube2iamDaemonSet), "--from", File_(BarePod));

        var finding = Assert.Single(plan.Findings, f => f.Code == "bare-pod");
        Assert.Equal("default/Pod/aws-cli", finding.Subject);
        Assert.Contains("arn:aws:iam::555555555555:role/MyPodRole", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [SharedFact("corpus")]
    public async Task AllowedRolesWithAnUnrenderedPlaceholder_PermitsNothing()
    {
        var plan = await PlanFilesAsync("--from", File_(Kube2iamDaemonSet), "--from", File_(BarePod), "--from", File_(AllowedRoles), "--namespace-restrictions");

        var finding = Assert.Single(plan.Findings, f => f.Code == "role-not-permitted");
        Assert.Contains("{{NodeIamRoleARN}}", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [SharedFact("corpus")]
    public async Task ChaosEngine_AnnotationsInACustomResourceAreForManualReview()
    {
        var plan = await PlanAsync("litmuschaos__chaos-charts__charts_kube-aws_k8-aws-ec2-terminate_engine.yaml");

        var findings = plan.Findings.Where(f => f.Code == "annotation-in-custom-resource").ToList();
        Assert.Equal(["spec.components.runner.runnerannotation", "spec.experiments.0.spec.components.experimentannotation"], findings.Select(f => f.Sources.Single().Split(':')[^1]).Order(StringComparer.Ordinal).ToArray());
        Assert.All(findings, f => Assert.Equal(("default/ChaosEngine/k8-aws-ec2-terminate", Severity.Warning), (f.Subject, f.Severity)));
        Assert.Empty(plan.Changes);
    }

    [SharedTheory("corpus")]
    [InlineData("aws-samples__aws-workshop-for-kubernetes__04-path-security-and-networking_402-authentication-and-authorization_templates_pod-role-trust-policy.json", ":1: this document has no 'apiVersion'")]
    [InlineData("cloudposse__helmfiles__releases_external-dns.yaml", ":28:")]
    [InlineData("ministryofjustice__cloud-platform-terraform-external-dns__templates_values.yaml.tpl", ":9: not valid YAML")]
    [InlineData("ministryofjustice__cloud-platform-infrastructure__terraform_cloud-platform-eks_components_cloud-platform-terraform-eks-components_templates_kiam.yaml.tpl", ":2: this document has no 'apiVersion'")]
    public async Task FilesThatAreNotManifests_AreRejectedWithTheirLine(string file, string expected)
    {
        var result = await CliRun.RunAsync("plan", "--from", File_(file), "--cluster", "c", "--region", "us-east-1", "--account", "555555555555");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(file + expected, result.Error, StringComparison.Ordinal);
    }
}
