using System.Text.RegularExpressions;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Manifests.Fleet;
using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// The fleet playbook's manifests: the example inventory is valid, and the GitHub Actions matrix, the Argo Workflow
/// and the Kubernetes Indexed Job each run every shard 1..n exactly once with the same n, each in its own folder,
/// with options the fleet commands have.
/// </summary>
public sealed partial class FleetPlaybookTests
{
    private static string Playbooks => Path.Combine(Repo.Root, "playbooks");

    [Fact]
    public void TheExampleInventory_IsValid()
    {
        var inventory = FleetInventoryReader.Read(Path.Combine(Playbooks, "fleet", "fleet.yaml"));

        Assert.Contains(inventory.Clusters, c => c.RoleArn is not null);
        Assert.Contains(inventory.Clusters, c => c.Tags.GetValueOrDefault("wave") == "canary");
    }

    [Fact]
    public void TheIndexedJob_RunsShardOneToNOncePerIndex()
    {
        var root = Load("fleet/indexed-job.yaml");
        var spec = Map(root, "spec");
        Assert.Equal("Indexed", Text(spec, "completionMode"));
        var completions = int.Parse(Text(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(completions, int.Parse(Text(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture));
        var container = (YamlMappingNode)((YamlSequenceNode)Map(Map(spec, "template"), "spec").Children[new YamlScalarNode("containers")]).Children[0];
        var env = ((YamlSequenceNode)container.Children[new YamlScalarNode("env")]).Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => Text(e, "value"));
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), env["SHARDS"]);
        var script = ((YamlSequenceNode)container.Children[new YamlScalarNode("args")]).Children[0].ToString();

        // JOB_COMPLETION_INDEX runs 0..completions-1, so the shards are 1..completions.
        Assert.Contains("shard=$((JOB_COMPLETION_INDEX + 1))", script, StringComparison.Ordinal);
        Assert.Contains("--shard \"$shard/$SHARDS\"", script, StringComparison.Ordinal);
        Assert.Contains("shard-$shard", script, StringComparison.Ordinal);
        AssertKnownOptions(script);
    }

    [Fact]
    public void TheArgoWorkflow_RunsShardOneToNInParallel()
    {
        var root = Load("fleet/argo-workflow.yaml");
        var spec = Map(root, "spec");
        var parameters = ((YamlSequenceNode)Map(spec, "arguments").Children[new YamlScalarNode("parameters")]).Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name"), p => Text(p, "value"));
        Assert.True(int.Parse(parameters["shards"], System.Globalization.CultureInfo.InvariantCulture) > 1);
        var templates = ((YamlSequenceNode)spec.Children[new YamlScalarNode("templates")]).Cast<YamlMappingNode>().ToDictionary(t => Text(t, "name"));
        var step = (YamlMappingNode)((YamlSequenceNode)((YamlSequenceNode)templates["fleet"].Children[new YamlScalarNode("steps")]).Children[0]).Children[0];
        var sequence = Map(step, "withSequence");
        Assert.Equal("1", Text(sequence, "start"));
        Assert.Equal("{{workflow.parameters.shards}}", Text(sequence, "end"));
        Assert.Equal("shard", Text(step, "template"));
        var script = ((YamlSequenceNode)Map(templates["shard"], "container").Children[new YamlScalarNode("args")]).Children[0].ToString();
        Assert.Contains("--shard \"{{inputs.parameters.shard}}/{{workflow.parameters.shards}}\"", script, StringComparison.Ordinal);
        Assert.Contains("shard-{{inputs.parameters.shard}}", script, StringComparison.Ordinal);
        AssertKnownOptions(script);
    }

    [Fact]
    public void TheGitHubActionsMatrix_ListsShardOneToN_AndAppliesTheShardsOwnArtifact()
    {
        var root = Load("github-actions/fleet.yml");
        var shards = int.Parse(Text(Map(root, "env"), "SHARDS"), System.Globalization.CultureInfo.InvariantCulture);
        var job = Map(Map(root, "jobs"), "fleet");
        var matrix = (YamlSequenceNode)Map(Map(job, "strategy"), "matrix").Children[new YamlScalarNode("shard")];
        Assert.Equal(Enumerable.Range(1, shards).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), matrix.Children.Select(n => n.ToString()));
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>().ToList();
        var script = steps.Select(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) ? run.ToString() : string.Empty).Single(r => r.Contains("fleet", StringComparison.Ordinal) && r.Contains("--shard", StringComparison.Ordinal));
        Assert.Contains("--shard \"${{ matrix.shard }}/$SHARDS\"", script, StringComparison.Ordinal);
        Assert.Contains(steps, s => s.ToString().Contains("download-artifact", StringComparison.Ordinal) && s.ToString().Contains("shard-${{ matrix.shard }}", StringComparison.Ordinal));
        AssertKnownOptions(script);
    }

    /// <summary>Every --option of the script's fleet command line is an option of fleet plan or fleet apply.</summary>
    private static void AssertKnownOptions(string script)
    {
        var known = new[] { "fleet plan", "fleet apply", "fleet verify" }.SelectMany(c => CliApp.Catalogue.Find(c)!.Options.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var command = script.IndexOf("eks-access-migrator fleet", StringComparison.Ordinal);
        Assert.True(command >= 0, script);
        var used = OptionPattern().Matches(script[command..]).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("shard", used);
        Assert.Contains("out", used);
        Assert.All(used, o => Assert.Contains(o, known));
    }

    private static YamlMappingNode Load(string relative)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Playbooks, relative))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    [GeneratedRegex(@"(?<![\w-])--([a-z][a-z-]+)")]
    private static partial Regex OptionPattern();
}
