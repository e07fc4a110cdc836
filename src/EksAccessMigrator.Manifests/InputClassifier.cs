using System.Text;
using System.Text.Json;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Tells AWS CLI output from Kubernetes objects by the first key of a JSON file, reading only its first bytes, so a
/// folder holding both can be given to <c>--from</c> as it was exported.
/// </summary>
public static class InputClassifier
{
    private const int PeekBytes = 64 * 1024;

    public static InputKind Classify(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var first = FirstJsonKey(file);
        if (first is null)
        {
            return InputKind.Manifests;
        }

        if (IamSnapshotReader.SnapshotKeys.Contains(first, StringComparer.Ordinal))
        {
            return InputKind.IamSnapshot;
        }

        return first == AccessEntriesSnapshotReader.ListKey ? InputKind.AccessEntries : InputKind.Manifests;
    }

    /// <summary>The first property name of a JSON object document, or null when the file is not one (YAML, a list, ...).</summary>
    private static string? FirstJsonKey(string file)
    {
        var buffer = new byte[PeekBytes];
        int read;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var span = buffer.AsSpan(0, read);
        var bom = Encoding.UTF8.Preamble;
        if (span.StartsWith(bom))
        {
            span = span[bom.Length..];
        }

        // Only an object (or a comment before one) can have a first key: YAML and the rest are told apart here, without
        // the JSON reader's exception for each YAML file of a folder.
        var start = span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || span[start] is not ((byte)'{' or (byte)'/'))
        {
            return null;
        }

        var reader = new Utf8JsonReader(span, isFinalBlock: read < PeekBytes, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                ? reader.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
