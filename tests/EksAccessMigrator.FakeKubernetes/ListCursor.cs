using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>The rest of a paged list: the consistent snapshot taken by the first page and where the next page starts.</summary>
internal sealed record ListCursor(ResourceKind Kind, string? Namespace, IReadOnlyList<JsonObject> Items, int Offset, string ResourceVersion);
