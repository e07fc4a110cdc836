using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>The outcome of applying an RFC 6902 JSON patch: either a document or an error message.</summary>
/// <param name="Document">The patched document when the patch applied.</param>
/// <param name="Error">Why the patch did not apply.</param>
public sealed record JsonPatchResult(JsonNode? Document, string? Error);
