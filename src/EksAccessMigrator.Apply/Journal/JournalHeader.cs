namespace EksAccessMigrator.Apply.Journal;

/// <summary>What a journal says about the run that wrote it: the cluster, and the plan it applied.</summary>
public sealed record JournalHeader(string ClusterName, string Region, string AccountId, string PlanHash, string? Phase)
{
    /// <summary>Reads the header of a journal; <see cref="InvalidDataException"/> when the file is not a journal.</summary>
    public static JournalHeader Read(string path)
    {
        var state = JournalState.Read(path);
        var header = state.Header ?? throw new InvalidDataException($"{path}: not an eks-access-migrator journal (no header record).");
        string Field(string name, System.Text.Json.Nodes.JsonNode? node) =>
            node?.GetValue<string>() ?? throw new InvalidDataException($"{path}: the journal header has no {name}.");
        return new JournalHeader(
            Field("cluster name", header["cluster"]?["name"]),
            Field("cluster region", header["cluster"]?["region"]),
            Field("cluster account", header["cluster"]?["accountId"]),
            Field("plan hash", header["planHash"]),
            header["phase"]?.GetValue<string>());
    }
}
