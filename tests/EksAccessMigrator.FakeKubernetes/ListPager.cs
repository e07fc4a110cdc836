using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>
/// Serves lists with <c>limit</c>/<c>continue</c> as the real server does: the first page fixes a consistent
/// snapshot; continue tokens are opaque; an unknown (or expired) token gives 410 Expired. Callers hold the state lock.
/// </summary>
internal sealed class ListPager
{
    private readonly Dictionary<string, ListCursor> _cursors = new(StringComparer.Ordinal);

    public void ExpireAll() => _cursors.Clear();

    public ApiResult List(ObjectStore store, ResourceKind kind, string? ns, int? limit, string? continueToken)
    {
        ListCursor cursor;
        if (string.IsNullOrEmpty(continueToken))
        {
            var items = store.Range(kind, ns).Select(o => (JsonObject)o.DeepClone()).ToList();
            cursor = new ListCursor(kind, ns, items, 0, store.CurrentResourceVersion);
        }
        else if (!_cursors.TryGetValue(continueToken, out var found))
        {
            return StatusFactory.Expired();
        }
        else if (found.Kind != kind || found.Namespace != ns)
        {
            return StatusFactory.BadRequest("continue key is not valid for this list");
        }
        else
        {
            cursor = found;
        }

        var take = limit is > 0 ? Math.Min(limit.Value, cursor.Items.Count - cursor.Offset) : cursor.Items.Count - cursor.Offset;
        var page = new JsonArray();
        foreach (var item in cursor.Items.Skip(cursor.Offset).Take(take))
        {
            var copy = (JsonObject)item.DeepClone();
            // Real list answers leave apiVersion and kind out of the items.
            copy.Remove("apiVersion");
            copy.Remove("kind");
            page.Add(copy);
        }

        var metadata = new JsonObject { ["resourceVersion"] = cursor.ResourceVersion };
        var next = cursor.Offset + take;
        if (next < cursor.Items.Count)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            _cursors[token] = cursor with { Offset = next };
            metadata["continue"] = token;
            metadata["remainingItemCount"] = cursor.Items.Count - next;
        }

        return ApiResult.Ok(new JsonObject
        {
            ["kind"] = kind.ListKind,
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = page,
        });
    }
}
