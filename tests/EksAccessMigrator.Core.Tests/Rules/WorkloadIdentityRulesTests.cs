using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules K1-K14: kube2iam and kiam to EKS Pod Identity.</summary>
public sealed class WorkloadIdentityRulesTests
{
    private static WorkloadInventory One(WorkloadInfo w, params string[] args) => Kube2iamCluster([w], null, [Sa(w.Namespace, w.EffectiveServiceAccount)], args);

    [Fact]
    public void K1_AgentFlagsAreReadAndOptionsOverrideThem()
    {
        var inventory = new WorkloadInventory
        {
            Agents = [Kube2iam("--base-role-arn", "arn:aws:iam::111122223333:role/flag/", "--iam-role-key=example.com/role")],
            Workloads = [W("apps", "web", null, "web", annotations: ("example.com/role", "web"))],
        };

        var fromFlags = Plan(inventory);
        var overridden = Plan(inventory, new WorkloadIdentityOptions { Kube2iamBaseRoleArn = "arn:aws:iam::111122223333:role/option" });

        Assert.Equal("arn:aws:iam::111122223333:role/flag/web", fromFlags.Association("apps", "web").RoleArn);
        Assert.Equal("arn:aws:iam::111122223333:role/option/web", overridden.Association("apps", "web").RoleArn);
        var config = fromFlags.FindingFor(FindingCodes.IdentityAgentConfiguration, "kube2iam");
        Assert.Contains("kube-system/DaemonSet/kube2iam:--base-role-arn", config.Sources);
        Assert.Contains("option:--kube2iam-base-role-arn", overridden.FindingFor(FindingCodes.IdentityAgentConfiguration, "kube2iam").Sources);
    }

    [Fact]
    public void K1_TheRoleKeyTheScanWasGiven_WinsOverKube2iamsFlag_AndThePlanRecordsItWithTheIssuer()
    {
        const string Issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA";
        var workloads = new WorkloadInventory
        {
            Agents = [Kube2iam("--base-role-arn=" + Base, "--iam-role-key=example.com/role")],
            Workloads = [W("apps", "web", null, "web", annotations: [("example.com/role", "web"), ("other.example/role", "api")])],
        };

        var fromFlag = Plan(workloads, oidcIssuer: Issuer);
        var given = Plan(workloads with { IamRoleKey = "other.example/role" }, oidcIssuer: Issuer);

        Assert.Equal(Base + "web", fromFlag.Association("apps", "web").RoleArn);
        Assert.Equal(Base + "api", given.Association("apps", "web").RoleArn);
        Assert.Contains("option:--iam-role-key", given.FindingFor(FindingCodes.IdentityAgentConfiguration, "kube2iam").Sources);
        Assert.DoesNotContain("option:--iam-role-key", fromFlag.FindingFor(FindingCodes.IdentityAgentConfiguration, "kube2iam").Sources);

        // The plan file records the scan's settings where it always did, so verify scans again with them.
        Assert.Null(fromFlag.Options.Workloads.IamRoleKey);
        Assert.Equal("other.example/role", given.Options.Workloads.IamRoleKey);
        Assert.Equal(Issuer, given.Options.Workloads.OidcIssuer);
        Assert.Null(Plan(workloads).Options.Workloads.OidcIssuer);
    }

    [Fact]
    public void K1_AutoDiscoveredBaseArnIsTheClustersAccountWithoutPath()
    {
        var plan = Plan(new WorkloadInventory { Agents = [Kube2iam("--auto-discover-base-arn")], Workloads = [W("apps", "web", "web", "web")] });

        Assert.Equal("arn:aws:iam::111122223333:role/web", plan.Association("apps", "web").RoleArn);
    }

    [Fact]
    public void K1_KiamServerFlagsAreRead()
    {
        var plan = Plan(new WorkloadInventory
        {
            Agents = [KiamServer("--role-base-arn=arn:aws:iam::111122223333:role/kiam/")],
            Namespaces = [Ns("apps", ".*", "iam.amazonaws.com/permitted")],
            Workloads = [W("apps", "web", "web", "web")],
        });

        Assert.Equal("arn:aws:iam::111122223333:role/kiam/web", plan.Association("apps", "web").RoleArn);
    }

    [Fact]
    public void K2_OwnedObjectsCountForTheirOwnerOnly()
    {
        var plan = Plan(Kube2iamCluster([
            W("apps", "web", "web", "web"),
            W("apps", "web-5d8f", "web", "web", kind: "ReplicaSet", owner: "Deployment/web"),
            W("apps", "web-5d8f-abcde", "web", "web", kind: "Pod", owner: "ReplicaSet/web-5d8f"),
            W("apps", "report", "report", "report", kind: "CronJob"),
            W("apps", "report-2890", "report", "report", kind: "Job", owner: "CronJob/report"),
        ]));

        Assert.Equal(2, plan.Associations().Count);
        Assert.DoesNotContain(plan.Findings, f => f.Code == FindingCodes.WorkloadOwnerMissing);
    }

    [Fact]
    public void K2_APodWhoseReplicaSetIsLeftOutCountsForTheDeploymentItsNameStartsWith_UpToADash()
    {
        var plan = Plan(Kube2iamCluster([
            W("apps", "web", "web", "web"),
            W("apps", "web-api-5d8f-abcde", "web", "web", kind: "Pod", owner: "ReplicaSet/web-api-5d8f"),
            W("apps", "webshop-5d8f-abcde", "web", "web", kind: "Pod", owner: "ReplicaSet/webshop-5d8f"),
        ]));

        // web-api-5d8f starts with "web-": the Deployment's. webshop-5d8f does not (no dash after "web"): its owner is missing.
        Assert.Single(plan.Associations());
        var missing = Assert.Single(plan.Findings, f => f.Code == FindingCodes.WorkloadOwnerMissing);
        Assert.Equal("apps/Pod/webshop-5d8f-abcde", missing.Subject);
    }

    [Fact]
    public void K2_AnOwnedPodWhoseOwnerIsMissingIsReported()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "orphan-x", "web", "web", kind: "Pod", owner: "StatefulSet/db")]));

        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.WorkloadOwnerMissing, "apps/Pod/orphan-x").Severity);
        Assert.Empty(plan.Associations());
    }

    [Fact]
    public void K2_AnnotationInACustomResourceIsForManualReview()
    {
        var plan = Plan(new WorkloadInventory
        {
            AnnotatedObjects = [new AnnotatedObject("litmuschaos.io/v1alpha1", "ChaosEngine", "default", "engine", "spec.components.runner.runnerannotation", "chaos", new SourceLocation("x", 1))],
        });

        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.AnnotationInCustomResource, "default/ChaosEngine/engine").Severity);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("ARN:aws:iam::111122223333:role/x", false, FindingCodes.PrincipalArnInvalid)]
    [InlineData("{{ .Values.role }}", false, FindingCodes.RoleUnresolved)]
    [InlineData("${role}", false, FindingCodes.RoleUnresolved)]
    [InlineData("<ROLE>", false, FindingCodes.RoleUnresolved)]
    [InlineData("web", true, FindingCodes.RoleBaseUnknown)]
    public void K3_RoleValuesThatCannotBeResolvedAreBlocked(string value, bool withoutBase, string code)
    {
        var workloads = withoutBase ? new WorkloadInventory { Workloads = [W("apps", "web", value, "web")] } : One(W("apps", "web", value, "web"));

        var plan = Plan(workloads);

        Assert.Equal(Severity.Blocker, plan.FindingFor(code, "apps/Deployment/web").Severity);
        Assert.Empty(plan.Associations());
    }

    [Fact]
    public void K3_Kube2iamAcceptsArnInAnyCaseButKiamOnlyExactAndDropsOneLeadingSlash()
    {
        var kiam = Plan(new WorkloadInventory
        {
            Agents = [KiamServer("--role-base-arn=arn:aws:iam::111122223333:role/")],
            Namespaces = [Ns("apps", ".*", "iam.amazonaws.com/permitted")],
            Workloads = [W("apps", "a", "/slashed", "a"), W("apps", "b", "Arn:aws:iam::111122223333:role/x", "b")],
        });

        Assert.Equal("arn:aws:iam::111122223333:role/slashed", kiam.Association("apps", "a").RoleArn);
        // kiam takes only an exact "arn:" prefix: anything else is a name, completed with the base ARN as kiam would.
        Assert.Equal("arn:aws:iam::111122223333:role/Arn:aws:iam::111122223333:role/x", kiam.Association("apps", "b").RoleArn);
    }

    [Fact]
    public void K3_TheRoleIsTheArnTheAgentAskedFor_ANameFoundOnlyUnderAnotherPathIsRolePathMismatch()
    {
        var iam = Given.Iam("arn:aws:iam::111122223333:role/team/web", "arn:aws:iam::111122223333:role/api");
        var workloads = Kube2iamCluster(
            [W("apps", "web", "web", "web"), W("apps", "full", "arn:aws:iam::111122223333:role/team/web", "full"), W("apps", "api", "api", "api")],
            null,
            [Sa("apps", "web"), Sa("apps", "full"), Sa("apps", "api")]);

        var plan = Plan(workloads, iam: iam);

        var mismatch = plan.FindingFor(FindingCodes.RolePathMismatch, "apps/Deployment/web");
        Assert.Equal(Severity.Blocker, mismatch.Severity);
        Assert.Contains("arn:aws:iam::111122223333:role/web", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111122223333:role/team/web", mismatch.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Associations(), a => a.ServiceAccount == "web");
        Assert.Equal("arn:aws:iam::111122223333:role/team/web", plan.Association("apps", "full").RoleArn);
        Assert.Equal("arn:aws:iam::111122223333:role/api", plan.Association("apps", "api").RoleArn);
    }

    [Fact]
    public void K3_ATrustPolicyOfTheRoleUnderAnotherPathIsRolePathMismatchToo()
    {
        var workloads = One(W("apps", "web", "web", "web")) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/team/web", "{\"Statement\":[]}")] };

        var plan = Plan(workloads);

        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.RolePathMismatch, "apps/Deployment/web").Severity);
        Assert.Empty(plan.Associations());
    }

    [Fact]
    public void K3_KiamTakesUppercaseArnAsARoleName_NeverTheRoleOfThatName()
    {
        var plan = Plan(
            new WorkloadInventory
            {
                Agents = [KiamServer("--role-base-arn=arn:aws:iam::111122223333:role/")],
                Namespaces = [Ns("apps", ".*", "iam.amazonaws.com/permitted")],
                Workloads = [W("apps", "web", "ARN:aws:iam::111122223333:role/x", "web")],
            },
            iam: Given.Iam("arn:aws:iam::111122223333:role/x"));

        var mismatch = plan.FindingFor(FindingCodes.RolePathMismatch, "apps/Deployment/web");
        Assert.Equal(Severity.Blocker, mismatch.Severity);
        Assert.Contains("arn:aws:iam::111122223333:role/ARN:aws:iam::111122223333:role/x", mismatch.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Associations());
    }

    [Theory]
    [InlineData("[\"web-*\"]", "glob", true)]
    [InlineData("[\"arn:aws:iam::111122223333:role/web-*\"]", "glob", true)]
    [InlineData("[\"other\"]", "glob", false)]
    [InlineData("not json", "glob", false)]
    [InlineData("[\"web-f\"]", "regexp", true)]
    [InlineData("[\"^web-f$\"]", "regexp", false)]
    public void K4_Kube2iamNamespaceRestrictions(string allowed, string format, bool permitted)
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", "web-front", "web")], [Ns("apps", allowed)], null, "--namespace-restrictions", "--namespace-restriction-format=" + format));

        Assert.Equal(permitted, plan.Associations().Count == 1);
        Assert.Equal(!permitted, plan.Findings.Any(f => f.Code == FindingCodes.RoleNotPermitted));
    }

    [Theory]
    [InlineData("web-.*", false, true)]
    [InlineData("web", false, false)]
    [InlineData("web", true, true)]
    public void K4_KiamPermittedIsAnchoredUnlessStrictMatchingIsOff(string permitted, bool disableStrict, bool expected)
    {
        var plan = Plan(new WorkloadInventory
        {
            Agents = [KiamServer(disableStrict ? ["--role-base-arn-autodetect", "--disable-strict-namespace-regexp"] : ["--role-base-arn-autodetect"])],
            Namespaces = [Ns("apps", permitted == "web-.*" ? "arn:aws:iam::111122223333:role/web-.*" : permitted, "iam.amazonaws.com/permitted")],
            Workloads = [W("apps", "web", "web-front", "web")],
        });

        Assert.Equal(expected, plan.Associations().Count == 1);
    }

    [Fact]
    public void K4_NoAnnotationAllowsNothing_AndAMissingNamespaceBlocks()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", "web", "web"), W("gone", "api", "api", "api")], [Ns("apps")], null, "--namespace-restrictions"));

        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.RoleNotPermitted, "apps/Deployment/web").Severity);
        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.NamespaceNotFound, "gone/Deployment/api").Severity);
        Assert.Empty(plan.Associations());
    }

    [Fact]
    public void K4_DefaultRoleIsAllowedInRestrictedNamespaces()
    {
        var byName = W("open", "web", "fallback", "web");
        var byArn = W("listed", "api", "arn:aws:iam::111122223333:role/fallback", "api");
        var other = W("open", "tool", "other", "tool");
        var namespaces = new[] { Ns("open"), Ns("listed", "[\"batch-*\"]") };

        var plan = Plan(Kube2iamCluster([byName, byArn, other], namespaces, [Sa("open", "web"), Sa("listed", "api"), Sa("open", "tool")], "--namespace-restrictions", "--default-role=fallback"));

        Assert.Equal("arn:aws:iam::111122223333:role/fallback", plan.Association("open", "web").RoleArn);
        Assert.Equal("arn:aws:iam::111122223333:role/fallback", plan.Association("listed", "api").RoleArn);
        Assert.Equal(Severity.Warning, Assert.Single(plan.Findings, f => f.Code == FindingCodes.RoleNotPermitted).Severity);
        Assert.Equal("open/Deployment/tool", plan.FindingFor(FindingCodes.RoleNotPermitted, "open/Deployment/tool").Subject);
    }

    [Fact]
    public void K4_DefaultRoleGivenAsAnOptionIsAllowedToo_ButOnlyExactly()
    {
        var namespaces = new[] { Ns("apps") };
        var workloads = Kube2iamCluster([W("apps", "web", "fallback", "web"), W("apps", "api", "fallback-2", "api")], namespaces, [Sa("apps", "web"), Sa("apps", "api")], "--namespace-restrictions");

        var plan = Plan(workloads, new WorkloadIdentityOptions { Kube2iamDefaultRole = "arn:aws:iam::111122223333:role/fallback" });

        Assert.Equal("arn:aws:iam::111122223333:role/fallback", Assert.Single(plan.Associations()).RoleArn);
        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.RoleNotPermitted, "apps/Deployment/api").Severity);
    }

    [Theory]
    [InlineData("nothing|web-front", true)]
    [InlineData("web-front|nothing", false)]
    [InlineData("arn:aws:iam::111122223333:role/web-.*|nothing", true)]
    [InlineData("arn:aws:iam::111122223333:role/web", false)]
    public void K4_KiamStrictRegexpIsCaretExpressionDollarLiterally(string permitted, bool expected)
    {
        var plan = Plan(new WorkloadInventory
        {
            Agents = [KiamServer("--role-base-arn-autodetect")],
            Namespaces = [Ns("apps", permitted, "iam.amazonaws.com/permitted")],
            Workloads = [W("apps", "web", "web-front", "web")],
        });

        Assert.Equal(expected, plan.Associations().Count == 1);
        Assert.Equal(!expected, plan.Findings.Any(f => f.Code == FindingCodes.RoleNotPermitted));
    }

    [Fact]
    public void K5_OneAssociationWhenEveryWorkloadOfTheServiceAccountHadThatRole()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "web-jobs", "web", "web", kind: "CronJob")]));

        var association = Assert.Single(plan.Associations());
        Assert.Equal(("apps", "web", "arn:aws:iam::111122223333:role/web"), (association.Namespace, association.ServiceAccount, association.RoleArn));
        Assert.Equal(["apps/CronJob/web-jobs", "apps/Deployment/web"], association.Sources.ToArray());
    }

    [Fact]
    public void K5_SharedOrDefaultServiceAccountsGetDedicatedOnes_CopyingPullSecretsAndAutomount()
    {
        var plan = Plan(Kube2iamCluster(
            [W("apps", "web", "web", "shared"), W("apps", "api", "api", "shared"), W("apps", "cart", "cart"), W("apps", "plain", null, "shared")],
            null,
            [Sa("apps", "shared", pullSecrets: ["registry"], automount: false), Sa("apps", "api")]));

        Assert.Equal(3, plan.Associations().Count);
        Assert.DoesNotContain(plan.Associations(), a => a.ServiceAccount is "shared" or "default");
        var api = Assert.Single(plan.Changes<CreateServiceAccountChange>(), c => c.ForWorkload == "apps/Deployment/api");
        Assert.Equal("api-pod-identity", api.Name);
        Assert.Equal(["registry"], api.ImagePullSecrets.ToArray());
        Assert.False(api.AutomountServiceAccountToken);
        var patch = Assert.Single(plan.Changes<PatchWorkloadChange>(), p => p.Name == "cart");
        Assert.Equal(("cart", "default"), (patch.ServiceAccountName, patch.PreviousServiceAccountName));
        Assert.Equal(3, plan.Findings.Count(f => f.Code == FindingCodes.DedicatedServiceAccount));
    }

    [Fact]
    public void K5_TheToolsOwnDedicatedServiceAccountKeepsItsName_OthersAreGoneAround()
    {
        static ServiceAccountInfo Owned(string name, string forWorkload) => Sa("apps", name, managedBy: OwnershipMarkers.ManagedByValue) with
        {
            Annotations = ImmutableSortedDictionary<string, string>.Empty.Add(OwnershipMarkers.ForWorkloadAnnotation, forWorkload),
        };

        // An interrupted apply made apps/api for apps/Deployment/api; apps/web was made by someone else, and apps/cart
        // by this tool but for another workload.
        var plan = Plan(Kube2iamCluster(
            [W("apps", "web", "web", "shared"), W("apps", "api", "api", "shared"), W("apps", "cart", "cart", "shared")],
            null,
            [Sa("apps", "shared"), Owned("api", "apps/Deployment/api"), Sa("apps", "web"), Owned("cart", "apps/Deployment/other")]));

        Assert.DoesNotContain(plan.Changes<CreateServiceAccountChange>(), c => c.ForWorkload == "apps/Deployment/api");
        Assert.Contains(plan.NoOps, n => n.Address == "service-account/apps/api");
        Assert.Equal("api", Assert.Single(plan.Changes<PatchWorkloadChange>(), p => p.Name == "api").ServiceAccountName);
        Assert.Equal("api", plan.Association("apps", "api").ServiceAccount);
        Assert.Equal("web-pod-identity", Assert.Single(plan.Changes<CreateServiceAccountChange>(), c => c.ForWorkload == "apps/Deployment/web").Name);
        Assert.Equal("cart-pod-identity", Assert.Single(plan.Changes<CreateServiceAccountChange>(), c => c.ForWorkload == "apps/Deployment/cart").Name);
    }

    [Fact]
    public void K5_ABarePodCannotBePatched()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "debug", "debug", kind: "Pod")]));

        Assert.Equal(Severity.Warning, plan.FindingFor(FindingCodes.BarePod, "apps/Pod/debug").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void K6_TrustStatementPerServiceAccountWithStableSid_ExistingStatementsUntouched()
    {
        const string document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/nodes\"},\"Action\":\"sts:AssumeRole\"}]}";
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web")]) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/web", document)] };

        var plan = Plan(workloads);
        var again = Plan(workloads);

        var change = Assert.Single(plan.Changes<UpdateAssumeRolePolicyChange>());
        var added = Assert.Single(change.StatementsAdded);
        Assert.Equal("pods.eks.amazonaws.com", added.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("apps", added.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:RequestTag/kubernetes-namespace").GetString());
        Assert.Equal(added.GetProperty("Sid").GetString(), Assert.Single(again.Changes<UpdateAssumeRolePolicyChange>()).StatementsAdded[0].GetProperty("Sid").GetString());
        Assert.Equal(2, change.DocumentAfter!.Value.GetProperty("Statement").GetArrayLength());
        Assert.Equal("arn:aws:iam::111122223333:role/nodes", change.DocumentAfter.Value.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.True(change.Reversible);
    }

    [Fact]
    public void K6_StatementsAlreadyPresentAreNotAddedAgain_AndLargeDocumentsWarn()
    {
        var sid = Planning.Workloads.TrustPolicyDocument.Sid("arn:aws:eks:eu-west-1:111122223333:cluster/prod", "apps", "web");
        var present = "{\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}";
        var large = "{\"Statement\":[{\"Sid\":\"Big\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + string.Join("\",\"", Enumerable.Range(0, 60).Select(i => $"arn:aws:iam::111122223333:role/r{i}")) + "\"]}}]}";
        large = large.Replace("\"]}}]}", "\"]},\"Action\":\"sts:AssumeRole\"}]}", StringComparison.Ordinal).Replace("\"AWS\":\"arn", "\"AWS\":[\"arn", StringComparison.Ordinal);

        var done = Plan(Kube2iamCluster([W("apps", "web", "web", "web")]) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/web", present)] });
        var big = Plan(Kube2iamCluster([W("apps", "web", "web", "web")]) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/web", large)] });
        var unknown = Plan(Kube2iamCluster([W("apps", "web", "web", "web")]));

        Assert.Empty(done.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Contains(done.NoOps, n => n.Address == "trust-policy/arn:aws:iam::111122223333:role/web");
        Assert.Equal(Severity.Warning, big.FindingFor(FindingCodes.TrustPolicyTooLarge, "arn:aws:iam::111122223333:role/web").Severity);
        Assert.Null(Assert.Single(unknown.Changes<UpdateAssumeRolePolicyChange>()).DocumentAfter);
        Assert.Equal(Severity.Warning, unknown.FindingFor(FindingCodes.TrustPolicyUnknown, "arn:aws:iam::111122223333:role/web").Severity);
    }

    [Fact]
    public void K7_CrossAccountRoleIsBlocked()
    {
        var plan = Plan(One(W("apps", "web", "arn:aws:iam::999988887777:role/partner", "web")));

        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.CrossAccountRole, "apps/Deployment/web").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void K8_ExternalIdsAreBlocked_FromTheAnnotation()
    {
        var annotated = Plan(One(W("apps", "web", "web", "web", annotations: ("iam.amazonaws.com/external-id", "x"))));

        var finding = annotated.FindingFor(FindingCodes.ExternalIdUnsupported, "apps/Deployment/web");
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("iam.amazonaws.com/external-id", finding.Message, StringComparison.Ordinal);
        Assert.Empty(annotated.Changes);
    }

    [Fact]
    public void K8_IamExternalIdNamesTheAnnotationKey_OnlyWorkloadsCarryingItAreBlocked()
    {
        var withExternalId = W("apps", "vendor", "vendor", "vendor", annotations: ("example.com/external-id", "vendor-7"));
        var withDefaultKey = W("apps", "web", "web", "web", annotations: ("iam.amazonaws.com/external-id", "ignored"));
        var plain = W("apps", "api", "api", "api");
        var sas = new[] { Sa("apps", "vendor"), Sa("apps", "web"), Sa("apps", "api") };

        // The flag set to its default is the default: only an annotated workload is blocked.
        var defaultKey = Plan(Kube2iamCluster([plain, withDefaultKey], null, sas, "--iam-external-id=iam.amazonaws.com/external-id"));
        // A custom key: that key is read, the default one is not (kube2iam never looks at it).
        var customKey = Plan(Kube2iamCluster([plain, withDefaultKey, withExternalId], null, sas, "--iam-external-id", "example.com/external-id"));

        Assert.Equal("arn:aws:iam::111122223333:role/api", defaultKey.Association("apps", "api").RoleArn);
        Assert.Equal(Severity.Blocker, defaultKey.FindingFor(FindingCodes.ExternalIdUnsupported, "apps/Deployment/web").Severity);
        Assert.Single(defaultKey.Findings, f => f.Code == FindingCodes.ExternalIdUnsupported);
        Assert.Equal(["apps/api", "apps/web"], customKey.Associations().Select(a => $"{a.Namespace}/{a.ServiceAccount}").Order(StringComparer.Ordinal).ToArray());
        var blocked = Assert.Single(customKey.Findings, f => f.Code == FindingCodes.ExternalIdUnsupported);
        Assert.Equal(("apps/Deployment/vendor", Severity.Blocker), (blocked.Subject, blocked.Severity));
        Assert.Contains("example.com/external-id", blocked.Message, StringComparison.Ordinal);
        Assert.Contains("external ID annotation example.com/external-id", customKey.FindingFor(FindingCodes.IdentityAgentConfiguration, "kube2iam").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void K8_KiamReadsItsOwnExternalIdKey()
    {
        var plan = Plan(new WorkloadInventory
        {
            Agents = [KiamServer("--role-base-arn-autodetect")],
            Namespaces = [Ns("apps", ".*", "iam.amazonaws.com/permitted")],
            Workloads = [W("apps", "web", "web", "web", annotations: ("iam.amazonaws.com/external-id", "x")), W("apps", "api", "api", "api")],
        });

        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.ExternalIdUnsupported, "apps/Deployment/web").Severity);
        Assert.Equal("arn:aws:iam::111122223333:role/api", Assert.Single(plan.Associations()).RoleArn);
    }

    [Fact]
    public void K9_WindowsWorkloadsAreBlocked()
    {
        var plan = Plan(One(W("apps", "web", "web", "web", windows: true)));

        var finding = plan.FindingFor(FindingCodes.PodIdentityUnsupportedCompute, "apps/Deployment/web");
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("Linux EC2 nodes and EKS Hybrid Nodes", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void K9_WorkloadsMatchingAFargateProfileAreBlocked_OthersAreNot()
    {
        var onFargate = W("apps", "web", "web", "web") with { PodLabels = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["compute"] = "fargate" }) };
        var onEc2 = W("apps", "api", "api", "api");
        var profile = new FargateProfileInfo("serverless", [new FargateSelectorInfo("app?", ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["compute"] = "farg*" }))]);
        var workloads = Kube2iamCluster([onFargate, onEc2], null, [Sa("apps", "web"), Sa("apps", "api")]) with { FargateProfiles = [profile] };

        var plan = Plan(workloads);

        Assert.Contains("Fargate profile serverless", plan.FindingFor(FindingCodes.PodIdentityUnsupportedCompute, "apps/Deployment/web").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Findings, f => f.Code == FindingCodes.PodIdentityUnsupportedCompute && f.Subject == "apps/Deployment/api");
        Assert.Single(plan.Changes.OfType<CreatePodIdentityAssociationChange>(), c => c.ServiceAccount == "api");
    }

    [Fact]
    public void K10_HostNetworkPodsNeverHadTheRole()
    {
        var plan = Plan(One(W("apps", "web", "web", "web", hostNetwork: true)));

        Assert.Equal(Severity.Info, plan.FindingFor(FindingCodes.HostNetwork, "apps/Deployment/web").Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void K11_DefaultRoleIsNotMigrated_AndListsWhoGetsIt()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", null, "web"), W("apps", "api", null, "api")], null, null, "--default-role=fallback"));

        var finding = plan.FindingFor(FindingCodes.DefaultRoleNotMigrated, "kube2iam/default-role");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["apps/Deployment/api", "apps/Deployment/web"], finding.Sources.ToArray());
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void K12_AgentAddonIsCreatedWhenMissing_NoOpWhenPresent_VerifiedOffline()
    {
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web")]);

        var missing = Plan(workloads with { PodIdentityAgentInstalled = false });
        var present = Plan(workloads with { PodIdentityAgentInstalled = true });
        var offline = Plan(workloads);

        Assert.Equal("eks-pod-identity-agent", Assert.Single(missing.Changes<CreateAddonChange>()).AddonName);
        Assert.Equal(ChangeStages.Addons, missing.Changes[0].Stage);
        Assert.Contains(present.NoOps, n => n.Address == "addon/eks-pod-identity-agent");
        Assert.Equal(Severity.Info, offline.FindingFor(FindingCodes.VerifyPodIdentityAgent, "cluster/addons").Severity);
    }

    [Fact]
    public void K13_ExistingAssociations_SameRoleIsDone_OtherRoleOrAddonOwnedConflicts()
    {
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "api", "api", "api"), W("apps", "cni", "cni", "cni")]) with
        {
            ExistingAssociations =
            [
                new ExistingPodIdentityAssociation("apps", "web", "arn:aws:iam::111122223333:role/web", null),
                new ExistingPodIdentityAssociation("apps", "api", "arn:aws:iam::111122223333:role/other", null),
                new ExistingPodIdentityAssociation("apps", "cni", "arn:aws:iam::111122223333:role/cni", "arn:aws:eks:eu-west-1:111122223333:addon/prod/vpc-cni/x"),
            ],
        };

        var plan = Plan(workloads);

        Assert.Empty(plan.Associations());
        Assert.Contains(plan.NoOps, n => n.Address == "pod-identity-association/apps/web");
        Assert.Equal(Severity.Blocker, plan.FindingFor(FindingCodes.AssociationConflict, "apps/api").Severity);
        Assert.Contains("never touched", plan.FindingFor(FindingCodes.AssociationConflict, "apps/cni").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void K14_CutoverRollsEachWorkloadOnce_RemovingTheAnnotationIsItsRollout()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "cart", "cart")]), phase: PlanPhase.Cutover);

        var removals = plan.Changes<PatchWorkloadChange>();
        Assert.Equal(2, removals.Count);
        Assert.All(removals, r => Assert.Equal(GivenWorkloads.RoleKey, Assert.Single(r.RemoveAnnotations).Key));
        Assert.All(removals, r => Assert.True(r.Disruptive, $"{r.Name}'s template patch rolls its pods"));
        Assert.Empty(plan.Changes<RestartWorkloadChange>());
        Assert.Empty(plan.Associations());
    }

    [Fact]
    public void K14_ACronJobTemplatePatchIsNotDisruptive_ARestartAlwaysIs()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "report", "report", "report", kind: "CronJob")]), phase: PlanPhase.Cutover);

        Assert.False(Assert.Single(plan.Changes<PatchWorkloadChange>()).Disruptive);
        Assert.True(new RestartWorkloadChange { Address = "restart/a/Deployment/b", Kind = WorkloadKind.Deployment, Namespace = "a", Name = "b", Reversible = true, Sources = ["a/Deployment/b"] }.Disruptive);
    }

    [Fact]
    public void Phases_MigrateIsAdditive_FinalizeRemovesNodeTrustOnlyWhenNoWorkloadStillNeedsIt()
    {
        const string document = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/nodes\"},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        var awsAuth = Given.AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n");
        var done = Kube2iamCluster([W("apps", "web", "web", "web")]) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/web", document)] };
        var stillUsed = done with { Workloads = [.. done.Workloads, W("apps", "win", "web", "win", windows: true)] };

        var migrate = Plan(done, awsAuth: awsAuth);
        var finalize = Plan(done, phase: PlanPhase.Finalize, awsAuth: awsAuth);
        var blocked = Plan(stillUsed, phase: PlanPhase.Finalize, awsAuth: awsAuth);

        Assert.All(migrate.Changes, c => Assert.True(c.Reversible || c is UpdateClusterConfigChange));
        var removal = Assert.Single(finalize.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Equal("arn:aws:iam::111122223333:role/nodes", Assert.Single(removal.StatementsRemoved).GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("ec2.amazonaws.com", Assert.Single(WithoutPodIdentity(removal.DocumentAfter!.Value)).GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Empty(blocked.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Equal(Severity.Info, blocked.FindingFor(FindingCodes.TrustStillNeeded, "arn:aws:iam::111122223333:role/web").Severity);
    }

    [Fact]
    public void Blockers_ABlockedWorkloadKeepsItsAnnotationInCutoverAndItsTrustInFinalize()
    {
        const string document = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/nodes\"},\"Action\":\"sts:AssumeRole\"}]}";
        var awsAuth = Given.AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n");
        var migrated = W("apps", "web", "web", "web");
        var blocked = new[]
        {
            W("apps", "win", "web", "win", windows: true),
            W("apps", "vendor", "web", "vendor", annotations: ("iam.amazonaws.com/external-id", "x")),
        };
        var unknowable = W("apps", "templated", "{{ .Values.role }}", "templated");
        var sas = new[] { Sa("apps", "web"), Sa("apps", "win"), Sa("apps", "vendor"), Sa("apps", "templated"), Sa("apps", "api") };
        var trust = new[] { Trust("arn:aws:iam::111122223333:role/web", document), Trust("arn:aws:iam::111122223333:role/api", document) };

        var withBlocked = Kube2iamCluster([migrated, .. blocked, W("apps", "api", "api", "api")], null, sas) with { TrustPolicies = [.. trust] };
        var withUnknowable = Kube2iamCluster([migrated, unknowable], null, sas) with { TrustPolicies = [.. trust] };

        var cutover = Plan(withBlocked, phase: PlanPhase.Cutover, awsAuth: awsAuth);
        var finalize = Plan(withBlocked, phase: PlanPhase.Finalize, awsAuth: awsAuth);
        var finalizeUnknowable = Plan(withUnknowable, phase: PlanPhase.Finalize, awsAuth: awsAuth);

        Assert.Equal(["api", "web"], cutover.Changes<PatchWorkloadChange>().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(cutover.Changes, c => c.Address.EndsWith("/win", StringComparison.Ordinal) || c.Address.EndsWith("/vendor", StringComparison.Ordinal));
        // role/web still serves the blocked workloads through kube2iam; role/api serves nobody else.
        Assert.Equal("arn:aws:iam::111122223333:role/api", Assert.Single(finalize.Changes<UpdateAssumeRolePolicyChange>()).RoleArn);
        var kept = finalize.FindingFor(FindingCodes.TrustStillNeeded, "arn:aws:iam::111122223333:role/web");
        Assert.Contains("apps/Deployment/win", kept.Message, StringComparison.Ordinal);
        Assert.Contains("apps/Deployment/vendor", kept.Message, StringComparison.Ordinal);
        // A workload whose role cannot be known may be using any of them: the node trust stays.
        Assert.Empty(finalizeUnknowable.Changes<UpdateAssumeRolePolicyChange>());
        Assert.Contains("apps/Deployment/templated", finalizeUnknowable.FindingFor(FindingCodes.TrustStillNeeded, "arn:aws:iam::111122223333:role/web").Message, StringComparison.Ordinal);
    }
}
