using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Reports;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rule K16 (running pods carry Pod Identity's environment) and access entries older than their principal, for verify.</summary>
public sealed class ProofOfMigrationTests
{
    private static WorkloadInfo Pod(string name, string sa, bool env, bool annotated = false, string? phase = "Running") =>
        (annotated ? W("shop", name, "web", sa, kind: "Pod") : W("shop", name, null, sa, kind: "Pod")) with
        {
            ContainerEnv = [new ContainerCredentialEnv("app", env, env), new ContainerCredentialEnv("sidecar", true, true)],
            PodPhase = phase,
        };

    private static WorkloadInventory Cluster(params WorkloadInfo[] pods) => new()
    {
        Workloads = [.. pods],
        ExistingAssociations = [new ExistingPodIdentityAssociation("shop", "web", "arn:aws:iam::111122223333:role/web", null)],
    };

    [Fact]
    public void K16_APodOfAMigratedServiceAccountWithoutTheInjectedEnvironment_IsReportedByName()
    {
        var subjects = MigrationProof.Pods(Cluster(Pod("web-1", "web", env: true), Pod("web-2", "web", env: false), Pod("other", "other", env: false), Pod("web-3", "web", env: false, phase: "Succeeded")), PlanPhase.Cutover, "iam.amazonaws.com/role").ToList();

        Assert.Equal(["pod/shop/web-1", "pod/shop/web-2"], subjects.Select(s => s.Address));
        Assert.Equal(VerifiedSubject.Ok, subjects[0].Status);
        Assert.Equal(VerifiedSubject.Missing, subjects[1].Status);
        Assert.Contains("container(s) app lack AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: it kept the node role", subjects[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void K16_AfterCutover_APodStillAnnotated_IsDifferent_BeforeCutoverNothingIsChecked()
    {
        var cluster = Cluster(Pod("web-1", "web", env: true, annotated: true), Pod("web-2", "web", env: false));

        var after = Assert.Single(MigrationProof.Pods(cluster, PlanPhase.Finalize, "iam.amazonaws.com/role"), s => s.Address == "pod/shop/web-1");

        Assert.Equal(VerifiedSubject.Different, after.Status);
        Assert.Contains("still carries the iam.amazonaws.com/role annotation", after.Detail, StringComparison.Ordinal);
        Assert.Empty(MigrationProof.Pods(cluster, PlanPhase.Migrate, "iam.amazonaws.com/role"));
        Assert.Empty(MigrationProof.Pods(cluster with { ExistingAssociations = null }, PlanPhase.Cutover, "iam.amazonaws.com/role"));
    }

    [Fact]
    public void K16_AnEntryOlderThanItsPrincipal_IsDifferent_MatchedByNameWhateverThePath()
    {
        var old = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var recreated = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var subjects = MigrationProof.EntryAges(
            [KeyValuePair.Create("arn:aws:iam::111122223333:role/deploy", old), KeyValuePair.Create("arn:aws:iam::111122223333:user/alice", recreated)],
            [KeyValuePair.Create("arn:aws:iam::111122223333:role/ci/deploy", recreated), KeyValuePair.Create("arn:aws:iam::111122223333:user/alice", old)]).ToList();

        var subject = Assert.Single(subjects);
        Assert.Equal("access-entry/arn:aws:iam::111122223333:role/deploy", subject.Address);
        Assert.Equal(VerifiedSubject.Different, subject.Status);
        Assert.Contains("before its IAM principal", subject.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void K16_WithAddsSubjectsInAddressOrder_AndAMissingOneFailsTheReport()
    {
        var report = new VerificationReport(new Core.Plans.PlanCluster("prod", "eu-west-1", "111122223333", "aws", AuthenticationMode.ApiAndConfigMap), PlanPhase.Cutover, [new VerifiedSubject("z", "-", VerifiedSubject.Ok, "in place")]);

        var more = report.With(MigrationProof.Pods(Cluster(Pod("web-2", "web", env: false)), PlanPhase.Cutover, "iam.amazonaws.com/role"));

        Assert.True(report.AllOk);
        Assert.False(more.AllOk);
        Assert.Equal(["pod/shop/web-2", "z"], more.Subjects.Select(s => s.Address));
    }
}
