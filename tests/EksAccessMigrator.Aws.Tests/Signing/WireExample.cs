namespace EksAccessMigrator.Aws.Tests.Signing;

/// <summary>One request from botocore-wire-examples.txt.</summary>
internal sealed record WireExample(
    string Name,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string CanonicalRequest)
{
    public static IReadOnlyDictionary<string, WireExample> Load(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var result = new Dictionary<string, WireExample>(StringComparer.Ordinal);
        foreach (var section in text.Split("### ", StringSplitOptions.RemoveEmptyEntries))
        {
            var nameEnd = section.IndexOf('\n', StringComparison.Ordinal);
            var name = section[..nameEnd].Trim();
            var rest = section[(nameEnd + 1)..];
            var marker = rest.IndexOf("--- canonical request ---\n", StringComparison.Ordinal);
            var request = rest[..marker];
            var canonical = rest[(marker + "--- canonical request ---\n".Length)..].TrimEnd('\n');
            var headEnd = request.IndexOf("\n\n", StringComparison.Ordinal);
            var headLines = request[..headEnd].Split('\n');
            var body = request[(headEnd + 2)..].Trim('\n');
            var requestLine = headLines[0].Split(' ', 2);
            var headers = headLines.Skip(1)
                .Select(l => l.Split(": ", 2))
                .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            result[name] = new WireExample(name, requestLine[0], requestLine[1], headers, body, canonical);
        }

        return result;
    }
}
