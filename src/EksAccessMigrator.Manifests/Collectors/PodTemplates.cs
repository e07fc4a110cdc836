using EksAccessMigrator.Manifests.Yaml;
using static EksAccessMigrator.Manifests.Collectors.ManifestPaths;

namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>Where each workload kind keeps its pod template (rule K2), and what is read from a pod spec.</summary>
internal static class PodTemplates
{
    public static readonly HashSet<string> TemplateKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"];

    private static readonly HashSet<string> OsKeys = ["kubernetes.io/os", "beta.kubernetes.io/os"];

    /// <summary>The pod template's metadata and spec (for a Pod: its own), or null when the object has none.</summary>
    public static (ManifestMapping? Metadata, ManifestMapping? Spec)? Of(ManifestObject manifest)
    {
        var root = manifest.Root;
        if (manifest.Kind == "Pod")
        {
            return (Map(root, "metadata"), Map(root, "spec"));
        }

        var template = manifest.Kind == "CronJob" ? Map(root, "spec", "jobTemplate", "spec", "template") : Map(root, "spec", "template");
        return template is null ? null : (Map(template, "metadata"), Map(template, "spec"));
    }

    public static string? ServiceAccountName(ManifestMapping? spec) =>
        Text(spec?["serviceAccountName"]) ?? Text(spec?["serviceAccount"]);

    public static bool SelectsWindows(ManifestMapping? spec)
    {
        if (Map(spec, "nodeSelector") is { } selector && OsKeys.Any(k => selector[k] is ManifestScalar { IsNull: false, Value: "windows" }))
        {
            return true;
        }

        var terms = Items(Map(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution")?["nodeSelectorTerms"]).OfType<ManifestMapping>().ToList();
        return terms.Count > 0 && terms.All(term => Items(term["matchExpressions"]).OfType<ManifestMapping>().Any(e =>
            Text(e["key"]) is { } key && OsKeys.Contains(key) && Text(e["operator"]) == "In"
            && Items(e["values"]).Select(Text).ToList() is { Count: > 0 } values && values.All(v => v == "windows")));
    }

    /// <summary>The controller owner (ownerReferences with controller: true).</summary>
    public static (string? Kind, string? Name) Controller(ManifestMapping? metadata)
    {
        foreach (var reference in Items(metadata?["ownerReferences"]).OfType<ManifestMapping>())
        {
            if (Bool(reference["controller"]) == true)
            {
                return (Text(reference["kind"]), Text(reference["name"]));
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The ports the pods hold on their node (rule K15): every container's <c>hostPort</c>, and with
    /// <c>hostNetwork</c> every <c>containerPort</c> too (init containers included).
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<int> HostPorts(ManifestMapping? spec, bool hostNetwork)
    {
        // Read for every pod of an export, and almost always empty: the set is made only when a port is found.
        SortedSet<int>? ports = null;
        foreach (var containers in new[] { spec?["containers"], spec?["initContainers"] })
        {
            if (containers is not ManifestSequence list)
            {
                continue;
            }

            foreach (var container in list.Items)
            {
                if (container is not ManifestMapping { } c || c["ports"] is not ManifestSequence portList)
                {
                    continue;
                }

                foreach (var port in portList.Items)
                {
                    if (port is not ManifestMapping p)
                    {
                        continue;
                    }

                    if (Port(p["hostPort"]) is { } host)
                    {
                        (ports ??= []).Add(host);
                    }

                    if (hostNetwork && Port(p["containerPort"]) is { } own)
                    {
                        (ports ??= []).Add(own);
                    }
                }
            }
        }

        return ports is null ? [] : [.. ports];
    }

    private static int? Port(ManifestNode? node) =>
        node is ManifestScalar { IsNull: false } scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;

    /// <summary>Rule K16: per container (not init containers, which may have finished), whether Pod Identity's two variables are set; names only.</summary>
    public static System.Collections.Immutable.ImmutableArray<Core.Inventory.ContainerCredentialEnv> CredentialEnv(ManifestMapping? spec)
    {
        if (spec?["containers"] is not ManifestSequence containers)
        {
            return [];
        }

        var result = System.Collections.Immutable.ImmutableArray.CreateBuilder<Core.Inventory.ContainerCredentialEnv>();
        foreach (var container in containers.Items)
        {
            if (container is not ManifestMapping c)
            {
                continue;
            }

            var (fullUri, tokenFile) = (false, false);
            foreach (var variable in Items(c["env"]))
            {
                var name = variable is ManifestMapping e ? Text(e["name"]) : null;
                fullUri |= name == Core.Inventory.ContainerCredentialEnv.FullUri;
                tokenFile |= name == Core.Inventory.ContainerCredentialEnv.TokenFile;
            }

            result.Add(new Core.Inventory.ContainerCredentialEnv(Text(c["name"]) ?? string.Empty, fullUri, tokenFile));
        }

        return result.DrainToImmutable();
    }

    /// <summary>Every container's command and args, in order.</summary>
    public static IEnumerable<(string? Image, List<string> Args)> Containers(ManifestMapping? spec) =>
        Items(spec?["containers"]).OfType<ManifestMapping>().Select(c =>
            (Text(c["image"]), Items(c["command"]).Concat(Items(c["args"])).Select(Text).OfType<string>().ToList()));
}
