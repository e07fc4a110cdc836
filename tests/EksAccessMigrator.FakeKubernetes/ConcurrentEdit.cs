using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>An armed "someone else edits this object just before the next write to it" hook.</summary>
internal sealed record ConcurrentEdit(ResourceKind Kind, string? Namespace, string Name, Action<JsonObject> Edit);
