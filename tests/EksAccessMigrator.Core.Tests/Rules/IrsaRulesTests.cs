using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules R1-R4: IRSA to EKS Pod Identity (opt-in).</summary>
public sealed class IrsaRulesTests
{
    private const string Role = "arn:aws:iam::111122223333:role/exporter";
    private const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";
    private static readonly WorkloadIdentityOptions Irsa = new() { IncludeIrsa = true };

    private static WorkloadInventory Cluster(params ServiceAccountInfo[] serviceAccounts) => new()
    {
        ServiceAccounts = [.. serviceAccounts],
        Workloads = [W("obs", "exporter", null, "exporter")],
    };

    [Fact]
    public void R1_IrsaServiceAccountBecomesAnAssociationWithItsTrustStatement_OnlyWhenIncluded()
    {
        var included = Plan(Cluster(Sa("obs", "exporter", Role)), Irsa);
        var excluded = Plan(Cluster(Sa("obs", "exporter", Role)));

        Assert.Equal(Role, included.Association("obs", "exporter").RoleArn);
        Assert.Equal("obs/exporter", Views(Assert.Single(included.Changes<UpdateAssumeRolePolicyChange>())));
        Assert.Empty(excluded.Changes);
        Assert.Equal(Severity.Info, excluded.FindingFor(FindingCodes.IrsaNotIncluded, "irsa").Severity);
    }

    [Fact]
    public void R1_AnIrsaRoleArnWithoutTheRolesPath_IsRolePathMismatch_AndStaysOnIrsa()
    {
        var plan = Plan(Cluster(Sa("obs", "exporter", Role)), Irsa, iam: Given.Iam("arn:aws:iam::111122223333:role/team/exporter"));

        var finding = plan.FindingFor(FindingCodes.RolePathMismatch, "obs/ServiceAccount/exporter");
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("arn:aws:iam::111122223333:role/team/exporter", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("{{ .Values.exporterRole }}", FindingCodes.RoleUnresolved)]
    [InlineData("arn:aws:iam::111122223333:user/exporter", FindingCodes.PrincipalArnInvalid)]
    [InlineData("arn:aws:iam::444455556666:role/exporter", FindingCodes.CrossAccountRole)]
    public void R1_AnIrsaRoleThatCannotMove_IsABlocker_AndStaysOnIrsa(string value, string code)
    {
        var plan = Plan(Cluster(Sa("obs", "exporter", value)), Irsa);

        Assert.Equal(Severity.Blocker, plan.FindingFor(code, "obs/ServiceAccount/exporter").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void R1_AddonServiceAccountsAreLeftToTheirAddon()
    {
        var plan = Plan(new WorkloadInventory { ServiceAccounts = [Sa("kube-system", "aws-node", "arn:aws:iam::111122223333:role/cni"), Sa("kube-system", "custom", Role, managedBy: "EKS")] }, Irsa);

        Assert.Equal(2, plan.Findings.Count(f => f.Code == FindingCodes.AddonServiceAccount && f.Severity == Severity.Info));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void R2_CutoverRemovesTheAnnotationBeforeRestarting_FinalizeRemovesOnlyThisClustersOidcStatement()
    {
        var document = "{\"Statement\":[" +
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}," +
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        var workloads = Cluster(Sa("obs", "exporter", Role)) with { TrustPolicies = [Trust(Role, document)] };

        var cutover = Plan(workloads, Irsa, PlanPhase.Cutover);
        var finalize = Plan(workloads, Irsa, PlanPhase.Finalize, oidcIssuer: Issuer);
        var noIssuer = Plan(workloads, Irsa, PlanPhase.Finalize);

        var patch = Assert.Single(cutover.Changes<PatchServiceAccountChange>());
        Assert.Equal(Role, patch.RemoveAnnotations["eks.amazonaws.com/role-arn"]);
        var restart = Assert.Single(cutover.Changes<RestartWorkloadChange>());
        Assert.True(restart.AfterAnnotationRemovals);
        Assert.True(cutover.Changes.ToList().IndexOf(patch) < cutover.Changes.ToList().IndexOf(restart));
        var removal = Assert.Single(finalize.Changes<UpdateAssumeRolePolicyChange>());
        Assert.EndsWith("/id/AAAA", Assert.Single(removal.StatementsRemoved).GetProperty("Principal").GetProperty("Federated").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/id/BBBB", Assert.Single(WithoutPodIdentity(removal.DocumentAfter!.Value)).GetProperty("Principal").GetProperty("Federated").GetString(), StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, finalize.FindingFor(FindingCodes.TrustSnapshotPredatesMigrate, Role).Severity);
        Assert.Contains(removal.DocumentBefore!.Value.GetProperty("Statement").EnumerateArray(), s => s.GetRawText().Contains("pods.eks.amazonaws.com", StringComparison.Ordinal));
        Assert.Empty(noIssuer.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Equal(Severity.Info, noIssuer.FindingFor(FindingCodes.OidcIssuerUnknown, Role).Severity);
    }

    [Fact]
    public void R2_FinalizeNarrowsASharedStatementToTheServiceAccountsStayingOnIrsa()
    {
        const string provider = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA";
        var document = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
            "{\"Sid\":\"Irsa\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{" +
            "\"oidc.eks.eu-west-1.amazonaws.com/id/AAAA:aud\":\"sts.amazonaws.com\"," +
            "\"oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub\":[\"system:serviceaccount:obs:exporter\",\"system:serviceaccount:obs:win\",\"system:serviceaccount:obs:gone\"]}}}," +
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.eks.eu-west-1.amazonaws.com/id/BBBB:sub\":\"system:serviceaccount:obs:exporter\"}}}]}";
        var workloads = new WorkloadInventory
        {
            ServiceAccounts = [Sa("obs", "exporter", Role), Sa("obs", "win", Role)],
            Workloads = [W("obs", "exporter", null, "exporter"), W("obs", "win", null, "win", windows: true)],
            TrustPolicies = [Trust(Role, document)],
        };

        var finalize = Plan(workloads, Irsa, PlanPhase.Finalize, oidcIssuer: Issuer);

        var change = Assert.Single(finalize.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Equal("Irsa", Assert.Single(change.StatementsRemoved).GetProperty("Sid").GetString());
        var narrowed = Assert.Single(change.StatementsAdded);
        var equals = narrowed.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal(["system:serviceaccount:obs:gone", "system:serviceaccount:obs:win"], equals.GetProperty("oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("sts.amazonaws.com", equals.GetProperty("oidc.eks.eu-west-1.amazonaws.com/id/AAAA:aud").GetString());
        var after = WithoutPodIdentity(change.DocumentAfter!.Value);
        Assert.Equal(2, after.Count);
        Assert.Contains(after, s => s.GetProperty("Principal").GetProperty("Federated").GetString()!.EndsWith("/id/BBBB", StringComparison.Ordinal));
        Assert.Contains(after, s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "Irsa" && !s.GetRawText().Contains("obs:exporter", StringComparison.Ordinal));
        Assert.Contains("obs/ServiceAccount/win", finalize.FindingFor(FindingCodes.TrustStillNeeded, Role).Message, StringComparison.Ordinal);
        Assert.Empty(Plan(workloads, Irsa, PlanPhase.Cutover).Changes.Where(c => c.Address.EndsWith("/win", StringComparison.Ordinal)));
    }

    [Fact]
    public void R2_AStatementWithoutSubjectsIsKeptWhileAServiceAccountStaysOnIrsa()
    {
        const string document = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        var workloads = new WorkloadInventory
        {
            ServiceAccounts = [Sa("obs", "exporter", Role), Sa("obs", "win", Role)],
            Workloads = [W("obs", "exporter", null, "exporter"), W("obs", "win", null, "win", windows: true)],
            TrustPolicies = [Trust(Role, document)],
        };

        var finalize = Plan(workloads, Irsa, PlanPhase.Finalize, oidcIssuer: Issuer);

        Assert.Empty(finalize.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Contains("obs/ServiceAccount/win", finalize.FindingFor(FindingCodes.TrustStillNeeded, Role).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA", "oidc-eks.eu-west-1.api.aws/id/AAAA")]
    [InlineData("https://oidc-eks.eu-west-1.api.aws/id/AAAA", "oidc.eks.eu-west-1.amazonaws.com/id/AAAA")]
    public void R2_BothIssuerHostFormsAreThisClusters(string issuer, string statementHost)
    {
        var document = "{\"Statement\":[" +
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/" + statementHost + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"" + statementHost + ":sub\":\"system:serviceaccount:obs:exporter\"}}}," +
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/oidc-eks.eu-west-1.api.aws/id/BBBB\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        var workloads = Cluster(Sa("obs", "exporter", Role)) with { TrustPolicies = [Trust(Role, document)] };

        var finalize = Plan(workloads, Irsa, PlanPhase.Finalize, oidcIssuer: issuer);

        var change = Assert.Single(finalize.Changes<UpdateAssumeRolePolicyChange>());
        Assert.EndsWith(statementHost, Assert.Single(change.StatementsRemoved).GetProperty("Principal").GetProperty("Federated").GetString(), StringComparison.Ordinal);
        Assert.Empty(change.StatementsAdded);
        Assert.EndsWith("/id/BBBB", Assert.Single(WithoutPodIdentity(change.DocumentAfter!.Value)).GetProperty("Principal").GetProperty("Federated").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void R3_WildcardSubjectTrustIsReported()
    {
        const string document = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/x\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":{\"x:sub\":\"system:serviceaccount:obs:*\"}}}]}";

        var plan = Plan(Cluster(Sa("obs", "exporter", Role)) with { TrustPolicies = [Trust(Role, document)] }, Irsa);

        var finding = plan.FindingFor(FindingCodes.IrsaWildcardTrust, Role);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("obs/exporter", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_WindowsWorkloadsKeepIrsa()
    {
        var workloads = new WorkloadInventory { ServiceAccounts = [Sa("obs", "exporter", Role)], Workloads = [W("obs", "exporter", null, "exporter", windows: true)] };

        var plan = Plan(workloads, Irsa);

        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.PodIdentityUnsupportedCompute, "obs/ServiceAccount/exporter").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void R4_FargateWorkloadsKeepIrsa()
    {
        var profile = new FargateProfileInfo("obs-on-fargate", [new FargateSelectorInfo("obs", ImmutableSortedDictionary<string, string>.Empty)]);
        var workloads = new WorkloadInventory { ServiceAccounts = [Sa("obs", "exporter", Role)], Workloads = [W("obs", "exporter", null, "exporter")], FargateProfiles = [profile] };

        var plan = Plan(workloads, Irsa);

        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.PodIdentityUnsupportedCompute, "obs/ServiceAccount/exporter").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void W4_AnIrsaAnnotationShadowsTheKube2iamOne()
    {
        var workloads = Kube2iamCluster([W("obs", "exporter", "other", "exporter")], null, [Sa("obs", "exporter", Role)]);

        var plan = Plan(workloads);

        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.IrsaShadowsAnnotation, "obs/Deployment/exporter").Severity);
        Assert.Empty(plan.Associations());
    }

    private static string Views(UpdateAssumeRolePolicyChange change)
    {
        var tags = change.StatementsAdded[0].GetProperty("Condition").GetProperty("StringEquals");
        return $"{tags.GetProperty("aws:RequestTag/kubernetes-namespace").GetString()}/{tags.GetProperty("aws:RequestTag/kubernetes-service-account").GetString()}";
    }
}
