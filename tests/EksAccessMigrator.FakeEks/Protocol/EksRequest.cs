using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>A decoded request: operation, path parameters (already percent-decoded), query and JSON body.</summary>
internal sealed record EksRequest(
    string Operation,
    IReadOnlyDictionary<string, string> Route,
    IReadOnlyDictionary<string, string> Query,
    JsonObject Body)
{
    public string ClusterName => Route["name"];

    public string? QueryValue(string key) => Query.TryGetValue(key, out var value) ? value : null;
}
