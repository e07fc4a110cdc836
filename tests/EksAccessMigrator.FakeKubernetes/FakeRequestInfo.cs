namespace EksAccessMigrator.FakeKubernetes;

/// <summary>What a fault predicate sees of an incoming request.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">URL path.</param>
/// <param name="Query">Query parameters.</param>
public sealed record FakeRequestInfo(string Method, string Path, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>Gets a value indicating whether the request writes (POST, PUT, PATCH, DELETE).</summary>
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";
}
