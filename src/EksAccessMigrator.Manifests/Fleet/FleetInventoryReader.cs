using System.Collections.Immutable;
using EksAccessMigrator.Core.Fleet;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Manifests.Fleet;

/// <summary>
/// Reads <c>fleet.yaml</c> strictly: a mapping with <c>clusters:</c>, a list of mappings with <c>name</c> and
/// <c>region</c> and optionally <c>profile</c>, <c>roleArn</c>, <c>kubeconfig</c>, <c>context</c>, <c>tags</c> (a
/// mapping of strings) and <c>plan</c> (phase, kube2iamBaseRoleArn, kube2iamDefaultRole, kiamRoleBaseArn,
/// iamRoleKey, includeIrsa). An unknown key, a value of the wrong type, a duplicate key or cluster name is a
/// <see cref="ManifestException"/> naming the file and line (exit 1); nothing is run.
/// </summary>
public static class FleetInventoryReader
{
    /// <summary>An inventory is a short, hand-written file; anything larger is not one.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    private static readonly string[] ClusterKeys = ["name", "region", "profile", "roleArn", "kubeconfig", "context", "tags", "plan"];
    private static readonly string[] PlanKeys = ["phase", "kube2iamBaseRoleArn", "kube2iamDefaultRole", "kiamRoleBaseArn", "iamRoleKey", "includeIrsa"];

    public static FleetInventory Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new ManifestException($"{file}: no such inventory file; give --inventory the path of a fleet.yaml listing 'clusters:'.");
        }

        if (info.Length > MaxBytes)
        {
            throw new ManifestException($"{file}: {info.Length} bytes is larger than an inventory can be ({MaxBytes} bytes); give the fleet.yaml that lists the clusters.");
        }

        return Parse(File.ReadAllText(file), file);
    }

    public static FleetInventory Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw ManifestException.At(file, (int)ex.Start.Line, $"not valid YAML: {ex.Message.TrimEnd('.')}. Fix the inventory and run again.");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ManifestException($"{file}: an inventory is one YAML mapping with 'clusters:' (a list of clusters, each with name and region).");
        }

        Keys(root, ["clusters"], file, "the inventory");
        if (!root.Children.TryGetValue(new YamlScalarNode("clusters"), out var list) || list is not YamlSequenceNode sequence)
        {
            throw ManifestException.At(file, Line(root), "'clusters:' must be a list of clusters, each with name and region.");
        }

        var clusters = sequence.Children.Select(node => Cluster(node, file)).ToImmutableArray();
        var problems = FleetInventory.Problems(clusters);
        if (!problems.IsEmpty)
        {
            throw new ManifestException($"{file}: {string.Join(" ", problems)}");
        }

        return new FleetInventory(clusters);
    }

    private static FleetCluster Cluster(YamlNode node, string file)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw ManifestException.At(file, Line(node), "each entry of 'clusters:' must be a mapping with name and region.");
        }

        Keys(mapping, ClusterKeys, file, "a cluster");
        var name = String(mapping, "name", file, required: true)!;
        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Value(mapping, "tags") is { } tagNode)
        {
            if (tagNode is not YamlMappingNode tagMap)
            {
                throw ManifestException.At(file, Line(tagNode), $"cluster '{name}': 'tags' must be a mapping of strings, e.g. tags: {{wave: \"1\", env: prod}}.");
            }

            foreach (var (key, value) in tagMap.Children)
            {
                if (key is not YamlScalarNode k || value is not YamlScalarNode v || string.IsNullOrWhiteSpace(k.Value) || v.Value is null)
                {
                    throw ManifestException.At(file, Line(key), $"cluster '{name}': each tag must be a string key with a string value.");
                }

                tags[k.Value] = v.Value;
            }
        }

        return new FleetCluster
        {
            Name = name,
            Region = String(mapping, "region", file, required: true)!,
            Profile = String(mapping, "profile", file),
            RoleArn = String(mapping, "roleArn", file),
            Kubeconfig = String(mapping, "kubeconfig", file),
            Context = String(mapping, "context", file),
            Tags = tags.ToImmutable(),
            Plan = Value(mapping, "plan") is { } plan ? Plan(plan, name, file) : FleetPlanSettings.None,
        };
    }

    private static FleetPlanSettings Plan(YamlNode node, string cluster, string file)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw ManifestException.At(file, Line(node), $"cluster '{cluster}': 'plan' must be a mapping of plan options ({string.Join(", ", PlanKeys)}).");
        }

        Keys(mapping, PlanKeys, file, $"cluster '{cluster}''s plan");
        bool? includeIrsa = null;
        if (Value(mapping, "includeIrsa") is { } irsa)
        {
            includeIrsa = irsa is YamlScalarNode { Value: "true" or "false" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain
                ? s.Value == "true"
                : throw ManifestException.At(file, Line(irsa), $"cluster '{cluster}': plan.includeIrsa must be true or false.");
        }

        return new FleetPlanSettings
        {
            Phase = String(mapping, "phase", file),
            Kube2iamBaseRoleArn = String(mapping, "kube2iamBaseRoleArn", file),
            Kube2iamDefaultRole = String(mapping, "kube2iamDefaultRole", file),
            KiamRoleBaseArn = String(mapping, "kiamRoleBaseArn", file),
            IamRoleKey = String(mapping, "iamRoleKey", file),
            IncludeIrsa = includeIrsa,
        };
    }

    private static void Keys(YamlMappingNode mapping, string[] allowed, string file, string what)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } text } || !allowed.Contains(text, StringComparer.Ordinal))
            {
                var shown = key is YamlScalarNode s ? s.Value : key.ToString();
                throw ManifestException.At(file, Line(key), $"unknown key '{shown}' in {what}; the keys allowed are {string.Join(", ", allowed)}.");
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? String(YamlMappingNode mapping, string key, string file, bool required = false)
    {
        var value = Value(mapping, key);
        if (value is null)
        {
            return required ? throw ManifestException.At(file, Line(mapping), $"a cluster lacks '{key}'; every cluster needs name and region.") : null;
        }

        if (value is not YamlScalarNode { Value: { Length: > 0 } text } || string.IsNullOrWhiteSpace(text))
        {
            throw ManifestException.At(file, Line(value), $"'{key}' must be a non-empty string.");
        }

        return text.Trim();
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
