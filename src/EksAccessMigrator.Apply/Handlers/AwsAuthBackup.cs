using System.Globalization;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>Rule M3: a copy of aws-auth in a file beside the journal (0600 on Unix), written before aws-auth is changed or set aside.</summary>
internal static class AwsAuthBackup
{
    /// <param name="backup">The ConfigMap's resourceVersion and data, as journaled.</param>
    public static async Task WriteFileAsync(StepContext ctx, string configMapName, JsonObject backup, CancellationToken ct)
    {
        if (ctx.JournalPath is null)
        {
            return;
        }

        var version = Json.Text(backup, "resourceVersion") ?? "unknown";
        var path = string.Create(CultureInfo.InvariantCulture, $"{ctx.JournalPath}.{FilePart(configMapName)}-{FilePart(version)}.backup.json");
        await Journal.OwnerOnlyFile.WriteAllTextAsync(path, backup.ToJsonString(), ct).ConfigureAwait(false);
    }

    /// <summary>Keeps a name from the plan or the cluster inside the journal's directory: no separator survives.</summary>
    private static string FilePart(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
