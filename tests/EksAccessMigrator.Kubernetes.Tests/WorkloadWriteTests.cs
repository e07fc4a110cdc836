using EksAccessMigrator.FakeKubernetes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class WorkloadWriteTests
{
    [Fact]
    public async Task Setting_the_service_account_patches_only_the_pod_template_and_bumps_generation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var before = cluster.SeedDeployment("team-a", "web");
        var workload = new WorkloadRef(WorkloadKind.Deployment, "team-a", "web");

        var result = await cluster.Connection.CreateWriter().SetPodTemplateServiceAccountAsync(workload, "web-pod-identity", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, result.Outcome);
        var after = cluster.State.Get<V1Deployment>("team-a", "web")!;
        Assert.Equal("web-pod-identity", after.Spec.Template.Spec.ServiceAccountName);
        Assert.Equal("nginx:1.27", Assert.Single(after.Spec.Template.Spec.Containers).Image);
        Assert.Equal(before.Metadata.Generation + 1, after.Metadata.Generation);
        Assert.Equal(after.Metadata.Generation, result.Value!.Generation);
        var patch = Assert.Single(cluster.Server.Requests.Entries, r => r.Method == "PATCH");
        Assert.StartsWith("application/strategic-merge-patch+json", patch.ContentType, StringComparison.Ordinal);
        Assert.Equal("/apis/apps/v1/namespaces/team-a/deployments/web", patch.Path);
    }

    [Fact]
    public async Task A_cron_job_template_is_patched_under_its_job_template()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.State.Add(new V1CronJob
        {
            Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = "team-b" },
            Spec = new V1CronJobSpec
            {
                Schedule = "0 3 * * *",
                JobTemplate = new V1JobTemplateSpec
                {
                    Spec = new V1JobSpec
                    {
                        Template = new V1PodTemplateSpec
                        {
                            Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] },
                        },
                    },
                },
            },
        });
        var workload = new WorkloadRef(WorkloadKind.CronJob, "team-b", "nightly");
        var writer = cluster.Connection.CreateWriter();

        var sa = await writer.SetPodTemplateServiceAccountAsync(workload, "nightly", null, CancellationToken.None);
        var annotated = await writer.SetPodTemplateAnnotationsAsync(
            workload, new Dictionary<string, string?> { ["example.com/migrated"] = "true" }, null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, sa.Outcome);
        Assert.Equal(WriteOutcome.Succeeded, annotated.Outcome);
        var template = cluster.State.Get<V1CronJob>("team-b", "nightly")!.Spec.JobTemplate.Spec.Template;
        Assert.Equal("nightly", template.Spec.ServiceAccountName);
        Assert.Equal("true", template.Metadata.Annotations["example.com/migrated"]);
    }

    [Fact]
    public async Task A_job_template_is_immutable_and_the_refusal_is_reported_as_invalid()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.State.Add(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "migrate", NamespaceProperty = "team-b" },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "c" }] } } },
        });

        var result = await cluster.Connection.CreateWriter().SetPodTemplateServiceAccountAsync(
            new WorkloadRef(WorkloadKind.Job, "team-b", "migrate"), "x", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains("field is immutable", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pod_template_annotations_are_added_and_removed()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.SeedDeployment("team-a", "web");
        var workload = new WorkloadRef(WorkloadKind.Deployment, "team-a", "web");
        var writer = cluster.Connection.CreateWriter();

        await writer.SetPodTemplateAnnotationsAsync(
            workload,
            new Dictionary<string, string?> { ["iam.amazonaws.com/role"] = "legacy", ["keep"] = "yes" },
            null,
            CancellationToken.None);
        var removed = await writer.RemovePodTemplateAnnotationsAsync(workload, ["iam.amazonaws.com/role", "never-there"], null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, removed.Outcome);
        var annotations = cluster.State.Get<V1Deployment>("team-a", "web")!.Spec.Template.Metadata.Annotations;
        Assert.Equal(new Dictionary<string, string> { ["keep"] = "yes" }, annotations);
    }

    [Fact]
    public async Task Patching_a_missing_workload_reports_not_found()
    {
        await using var cluster = await TestCluster.StartAsync();

        var result = await cluster.Connection.CreateWriter().SetPodTemplateServiceAccountAsync(
            new WorkloadRef(WorkloadKind.StatefulSet, "team-a", "ghost"), "x", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Equal("statefulsets.apps \"ghost\" not found", result.Message);
    }

    [Fact]
    public async Task Restart_sets_the_kubectl_annotation_and_the_rollout_completes()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(TestCluster.FastOptions with { TimeProvider = clock });
        cluster.SeedDeployment("team-a", "web");
        var workload = new WorkloadRef(WorkloadKind.Deployment, "team-a", "web");
        var writer = cluster.Connection.CreateWriter();

        var restart = await writer.RestartAsync(workload, CancellationToken.None);
        var rollout = await writer.WaitForRolloutAsync(workload, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, restart.Outcome);
        var template = cluster.State.Get<V1Deployment>("team-a", "web")!.Spec.Template;
        Assert.Equal("2025-03-04T05:06:07Z", template.Metadata.Annotations[KubernetesClusterWriter.RestartedAtAnnotation]);
        Assert.Equal(RolloutOutcome.Complete, rollout.Outcome);
    }

    [Fact]
    public async Task Waiting_for_a_rollout_that_does_not_progress_times_out_then_completes_once_observed()
    {
        await using var cluster = await TestCluster.StartAsync(
            serverOptions: new() { ExpectedBearerToken = TestCluster.Token, AutoCompleteRollouts = false });
        cluster.State.Add(new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "team-a" },
            Spec = new V1StatefulSetSpec { Replicas = 3, Template = new V1PodTemplateSpec { Spec = new V1PodSpec() } },
        });
        cluster.State.CompleteRollout(ResourceKinds.StatefulSet, "team-a", "db");
        var workload = new WorkloadRef(WorkloadKind.StatefulSet, "team-a", "db");
        var writer = cluster.Connection.CreateWriter();
        await writer.RestartAsync(workload, CancellationToken.None);

        var stuck = await writer.WaitForRolloutAsync(workload, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        cluster.State.CompleteRollout(ResourceKinds.StatefulSet, "team-a", "db");
        var done = await writer.WaitForRolloutAsync(workload, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(RolloutOutcome.TimedOut, stuck.Outcome);
        Assert.Contains("spec update to be observed", stuck.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutOutcome.Complete, done.Outcome);
    }

    [Fact]
    public async Task Waiting_for_a_missing_workload_reports_not_found()
    {
        await using var cluster = await TestCluster.StartAsync();

        var result = await cluster.Connection.CreateWriter().WaitForRolloutAsync(
            new WorkloadRef(WorkloadKind.DaemonSet, "kube-system", "ghost"), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(RolloutOutcome.NotFound, result.Outcome);
    }
}
