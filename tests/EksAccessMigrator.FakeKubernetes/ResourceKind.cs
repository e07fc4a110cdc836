namespace EksAccessMigrator.FakeKubernetes;

/// <summary>One resource type the fake API server serves.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version within the group.</param>
/// <param name="Plural">Resource name used in URLs.</param>
/// <param name="Kind">Object kind.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="HasGeneration">Whether the server maintains <c>metadata.generation</c>.</param>
/// <param name="HasStatus">Whether <c>status</c> is a subresource (ignored on main-resource writes).</param>
public sealed record ResourceKind(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    bool HasGeneration,
    bool HasStatus)
{
    /// <summary>Gets the apiVersion string, e.g. <c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>Gets the qualified resource name used in Status messages, e.g. <c>deployments.apps</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary>Gets the List kind, e.g. <c>PodList</c>.</summary>
    public string ListKind => Kind + "List";
}
