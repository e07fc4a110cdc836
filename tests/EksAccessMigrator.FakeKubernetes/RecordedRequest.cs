namespace EksAccessMigrator.FakeKubernetes;

/// <summary>One request seen by the fake API server. Never holds the bearer token itself.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">URL path.</param>
/// <param name="Query">Query parameters (last value wins).</param>
/// <param name="ContentType">Request Content-Type, if any.</param>
/// <param name="Body">Request body, if any.</param>
/// <param name="HadBearerToken">Whether an <c>Authorization: Bearer</c> header was present.</param>
/// <param name="StatusCode">The answer's status code; 0 when the connection was dropped.</param>
/// <param name="Fault">The injected fault applied, if any.</param>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? ContentType,
    string? Body,
    bool HadBearerToken,
    int StatusCode,
    string? Fault)
{
    /// <summary>Gets a value indicating whether the request is a list (a GET on a collection).</summary>
    /// <summary>Whether the client asked for the object's metadata alone (a <c>PartialObjectMetadata</c> GET).</summary>
    public bool MetadataOnly { get; init; }

    public bool IsList => Method == "GET" && ApiPath.Parse(Path) is { Name: null };
}
