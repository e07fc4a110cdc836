using System.Globalization;
using System.Text.Json.Nodes;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>A shipped example's export (<c>kubectl get ... -o yaml</c>), loaded object by object into the fake API server.</summary>
internal static class ExampleExport
{
    public static string Directory(string example, [System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        // The test binaries may live outside the checkout (EAM_ARTIFACTS), so search up from this source file.
        var dir = Path.GetDirectoryName(here);
        while (dir is not null && !System.IO.Directory.Exists(Path.Combine(dir, "playbooks", "examples")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new DirectoryNotFoundException("playbooks/examples was not found above the test sources."), "playbooks", "examples", example);
    }

    /// <summary>Seeds every object of <paramref name="file"/> the fake serves; returns how many it seeded.</summary>
    public static int Seed(ClusterState state, string file)
    {
        var seeded = 0;
        using var reader = File.OpenText(file);
        ManifestStreamReader.Read(reader, file, manifest =>
        {
            if (ResourceKinds.Find(manifest.ApiVersion, manifest.Kind) is null)
            {
                throw new InvalidOperationException($"{manifest.Describe} is of a kind the fake API server does not serve.");
            }

            state.Add((JsonObject)ToJson(manifest.Root)!);
            seeded++;
        }, CancellationToken.None);
        return seeded;
    }

    /// <summary>YAML to JSON with YAML's plain-scalar typing (true/false, integers, null); everything else is a string.</summary>
    public static JsonNode? ToJson(ManifestNode node) => node switch
    {
        ManifestMapping map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        ManifestSequence list => new JsonArray([.. list.Items.Select(ToJson)]),
        ManifestScalar { IsNull: true } => null,
        ManifestScalar { IsPlain: true, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        ManifestScalar { IsPlain: true } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        ManifestScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"unexpected node {node.KindName}"),
    };
}
