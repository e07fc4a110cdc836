namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>One modelled operation: HTTP method and request URI template such as <c>/clusters/{name}</c>.</summary>
internal sealed class Route
{
    private readonly string[] segments;

    public Route(string operation, string method, string template)
    {
        Operation = operation;
        Method = method;
        Template = template;
        segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Operation { get; }

    public string Method { get; }

    /// <summary>The request URI as the service model writes it.</summary>
    public string Template { get; }

    /// <summary>Matches raw (still percent-encoded) path segments; captured values are percent-decoded.</summary>
    public bool TryMatch(string method, IReadOnlyList<string> rawSegments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.Equals(method, Method, StringComparison.Ordinal) || rawSegments.Count != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var template = segments[i];
            var decoded = Uri.UnescapeDataString(rawSegments[i]);
            if (template.StartsWith('{'))
            {
                if (decoded.Length == 0)
                {
                    return false;
                }

                values[template[1..^1]] = decoded;
            }
            else if (!string.Equals(template, decoded, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
