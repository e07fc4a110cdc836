using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>Edits a journal as an attacker (or a careless hand) would: one record changed, the chain recomputed or not.</summary>
internal static class JournalEditor
{
    public static async Task EditAsync(string path, Func<JsonObject, bool> select, Action<JsonObject> edit, bool rechain)
    {
        var lines = (await File.ReadAllTextAsync(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var edited = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var record = JsonNode.Parse(lines[i])!.AsObject();
            if (!edited && select(record))
            {
                edit(record);
                lines[i] = record.ToJsonString();
                edited = true;
            }

            if (rechain && i > 0)
            {
                record = JsonNode.Parse(lines[i])!.AsObject();
                record["prev"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[i - 1])));
                lines[i] = record.ToJsonString();
            }
        }

        Assert.True(edited, "no journal record matched");
        await File.WriteAllTextAsync(path, string.Join("\n", lines) + "\n");
    }
}
