using System.Text.Json.Nodes;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.TestSupport;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// Issue 13, export: the example plans as Terraform (parsed by HashiCorp's HCL parser, every argument checked against
/// the AWS provider's documented names) and as eksctl ClusterConfig (validated against eksctl's own schema).
/// </summary>
public sealed class ExportTests : IDisposable
{
    /// <summary>The AWS provider's documented arguments (website/docs/r/), required ones first.</summary>
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Arguments = new()
    {
        ["aws_eks_access_entry"] = (["cluster_name", "principal_arn"], ["kubernetes_groups", "type", "user_name", "tags", "region"]),
        ["aws_eks_access_policy_association"] = (["cluster_name", "policy_arn", "principal_arn", "access_scope"], ["region"]),
        ["aws_eks_pod_identity_association"] = (["cluster_name", "namespace", "service_account", "role_arn"], ["target_role_arn", "disable_session_tags", "tags"]),
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("eam-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ExamplePlans() => ["every-rule", "partly-migrated", "kube2iam", "kiam"];

    private async Task<string> PlanFileAsync(string example)
    {
        var path = Path.Combine(_dir, example + ".plan.json");
        string[] args = example switch
        {
            "every-rule" => Examples.EveryRule("--out", path),
            "partly-migrated" => Examples.PartlyMigrated("--out", path),
            _ => ["plan", "--from", Repo.Path_("playbooks", "examples", example + "-cluster"), "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333", "--out", path],
        };
        var result = await CliRun.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return path;
    }

    [Theory]
    [MemberData(nameof(ExamplePlans))]
    public async Task Terraform_ParsesWithTheHclParser_AndUsesOnlyDocumentedArguments(string example)
    {
        var plan = Core.Plans.PlanJson.Deserialize(await File.ReadAllTextAsync(await PlanFileAsync(example)), example);
        var tf = Path.Combine(_dir, example + ".tf");

        var result = await CliRun.RunAsync("export", Path.Combine(_dir, example + ".plan.json"), "--format", "terraform", "--out", tf);

        Assert.True(result.ExitCode == 0, result.Error);
        var hcl = await Hcl2Json.ParseAsync(tf);
        var resources = hcl["resource"]?.AsObject() ?? [];
        foreach (var (type, byName) in resources)
        {
            Assert.True(Arguments.TryGetValue(type, out var documented), $"{type} is not a resource the export may write");
            foreach (var (name, bodies) in byName!.AsObject())
            {
                var body = Assert.Single(bodies!.AsArray())!.AsObject();
                Assert.All(documented.Required, r => Assert.True(body.ContainsKey(r), $"{type}.{name} lacks {r}"));
                Assert.All(body, a => Assert.True(documented.Required.Contains(a.Key) || documented.Optional.Contains(a.Key), $"{type}.{name}: '{a.Key}' is not a documented argument"));
                Assert.Equal(plan.Cluster.Name, body["cluster_name"]!.GetValue<string>());
                if (type == "aws_eks_access_policy_association")
                {
                    var scope = Assert.Single(body["access_scope"]!.AsArray())!.AsObject();
                    Assert.All(scope, a => Assert.Contains(a.Key, new[] { "type", "namespaces" }));
                    Assert.Contains(scope["type"]!.GetValue<string>(), new[] { "cluster", "namespace" });
                }
            }
        }

        // Every access entry, policy and association the plan creates is a resource; nothing else is.
        Assert.Equal(plan.Changes.OfType<Core.Plans.CreateAccessEntryChange>().Count(), Count(resources, "aws_eks_access_entry"));
        Assert.Equal(plan.Changes.OfType<Core.Plans.AssociateAccessPolicyChange>().Count(), Count(resources, "aws_eks_access_policy_association"));
        Assert.Equal(plan.Changes.OfType<Core.Plans.CreatePodIdentityAssociationChange>().Count(), Count(resources, "aws_eks_pod_identity_association"));
        var principals = (resources["aws_eks_access_entry"]?.AsObject().Select(r => r.Value![0]!["principal_arn"]!.GetValue<string>()) ?? []).Order(StringComparer.Ordinal);
        Assert.Equal(plan.Changes.OfType<Core.Plans.CreateAccessEntryChange>().Select(c => c.PrincipalArn).Order(StringComparer.Ordinal), principals);
    }

    [Fact]
    public async Task Terraform_ImportsWhatExists_WithTheProvidersIdFormats()
    {
        var tf = Path.Combine(_dir, "partly.tf");
        await CliRun.RunAsync("export", await PlanFileAsync("partly-migrated"), "--out", tf);

        var imports = (await Hcl2Json.ParseAsync(tf))["import"]!.AsArray().Select(i => i!.AsObject()).ToList();

        Assert.Contains(imports, i => i["id"]!.GetValue<string>() == "shop-staging:arn:aws:iam::111122223333:user/alice" && i["to"]!.GetValue<string>().StartsWith("${aws_eks_access_entry.", StringComparison.Ordinal));
        Assert.Contains(imports, i => i["id"]!.GetValue<string>() == "shop-staging#arn:aws:iam::111122223333:user/alice#arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
            && i["to"]!.GetValue<string>().StartsWith("${aws_eks_access_policy_association.", StringComparison.Ordinal));
        Assert.Equal(imports.Count, imports.Select(i => i["to"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void HclStrings_EscapeQuotesAndTemplateSequences()
    {
        Assert.Equal("\"a\\\"b\\\\c$${x}%%{y}\\n\"", Export.HclText.Quote("a\"b\\c${x}%{y}\n"));
        Assert.Equal("\"sso:{{SessionName}}\"", Export.HclText.Quote("sso:{{SessionName}}"));
    }

    [SharedTheory("schemas/eksctl-clusterconfig-v1alpha5.schema.json")]
    [MemberData(nameof(ExamplePlans))]
    public async Task Eksctl_ValidatesAgainstEksctlsOwnSchema(string example)
    {
        var plan = Core.Plans.PlanJson.Deserialize(await File.ReadAllTextAsync(await PlanFileAsync(example)), example);
        var result = await CliRun.RunAsync("export", Path.Combine(_dir, example + ".plan.json"), "--format", "eksctl");
        Assert.True(result.ExitCode == 0, result.Error);

        var yaml = new DeserializerBuilder().Build().Deserialize<object>(result.Out);
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(yaml))!;
        var schema = await JsonSchema.FromFileAsync(SharedFolder.Path_("schemas", "eksctl-clusterconfig-v1alpha5.schema.json"));
        var errors = schema.Validate(json.ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal(plan.Cluster.Name, json["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(plan.Changes.OfType<Core.Plans.CreateAccessEntryChange>().Count(), json["accessConfig"]?["accessEntries"]?.AsArray().Count ?? 0);
        Assert.Equal(plan.Changes.OfType<Core.Plans.CreatePodIdentityAssociationChange>().Count(), json["iam"]?["podIdentityAssociations"]?.AsArray().Count ?? 0);
        var policies = json["accessConfig"]?["accessEntries"]?.AsArray().Sum(e => e!["accessPolicies"]?.AsArray().Count ?? 0) ?? 0;
        Assert.Equal(plan.Changes.OfType<Core.Plans.AssociateAccessPolicyChange>().Count(c => plan.Changes.OfType<Core.Plans.CreateAccessEntryChange>().Any(e => e.PrincipalArn == c.PrincipalArn)), policies);
    }

    [Fact]
    public async Task AnUnknownFormat_IsAUsageError()
    {
        var result = await CliRun.RunAsync("export", await PlanFileAsync("every-rule"), "--format", "pulumi");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--format 'pulumi' is not known for export; use terraform or eksctl.", result.Error, StringComparison.Ordinal);
    }

    private static int Count(JsonObject resources, string type) => resources[type]?.AsObject().Count ?? 0;
}
