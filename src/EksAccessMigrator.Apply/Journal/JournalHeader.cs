using System.Globalization;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>
/// What a journal says about the run that wrote it: the cluster (with its identity), and the plan it applied (the
/// plan file's full path and SHA-256, which rollback checks the plan file against).
/// </summary>
public sealed record JournalHeader(string ClusterName, string Region, string AccountId, string PlanHash, string? Phase)
{
    /// <summary>The plan file's full path when apply ran; null in journals that did not record it.</summary>
    public string? PlanFile { get; init; }

    /// <summary>
    /// Reads the header of a journal (under its lock): <see cref="InvalidDataException"/> when the file is not a journal,
    /// <see cref="JournalIntegrityException"/> when its chain breaks, <see cref="JournalInUseException"/> while a run holds it.
    /// </summary>
    public static JournalHeader Read(string path)
    {
        JournalState state;
        using (var file = JournalFile.Open(path, create: false) ?? throw new FileNotFoundException($"{path}: no such journal.", path))
        {
            state = file.Read();
        }

        var header = state.Header ?? throw new InvalidDataException($"{path}: not an eks-access-migrator journal (no header record).");
        return From(header, path);
    }

    internal static JournalHeader From(JsonObject header, string path)
    {
        string Field(string name, JsonNode? node) =>
            (node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null) ?? throw new InvalidDataException($"{path}: the journal header has no {name}.");
        var clusterName = Field("cluster name", header["cluster"]?["name"]);
        if (!Core.Plans.ClusterNames.IsValid(clusterName))
        {
            throw new InvalidDataException($"{path}: the journal header's cluster name is not an EKS cluster name.");
        }

        return new JournalHeader(
            clusterName,
            Field("cluster region", header["cluster"]?["region"]),
            Field("cluster account", header["cluster"]?["accountId"]),
            Field("plan hash", header["planHash"]),
            header["phase"]?.GetValue<string>())
        {
            PlanFile = header["planFile"]?.GetValue<string>(),
        };
    }

    /// <summary>The header record apply writes first.</summary>
    internal static JsonObject Record(SavedPlan saved, ApplyOptions options) => new()
    {
        ["planHash"] = saved.Hash,
        ["planFile"] = Path.GetFullPath(saved.Origin),
        ["cluster"] = new JsonObject
        {
            ["name"] = saved.Plan.Cluster.Name,
            ["region"] = saved.Plan.Cluster.Region,
            ["accountId"] = saved.Plan.Cluster.AccountId,
            ["arn"] = saved.Plan.Cluster.Arn,
            ["kubeSystemUid"] = saved.Plan.Cluster.KubeSystemUid,
        },
        ["phase"] = saved.Plan.Phase.Wire(),
        ["toolVersion"] = options.ToolVersion,
        ["startedAt"] = options.TimeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
    };
}
