using System.Globalization;
using System.Text;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>
/// maxResults/nextToken paging. Tokens are opaque (base64url) and bound to this server instance, the
/// operation and its path parameters; anything else is rejected with InvalidParameterException.
/// </summary>
internal sealed class Paginator(string serverNonce)
{
    private const int DefaultPageSize = 100;

    public ApiResponse? TryPage<T>(IReadOnlyList<T> items, EksRequest request, out IReadOnlyList<T> page, out string? nextToken)
    {
        page = [];
        nextToken = null;
        var pageSize = DefaultPageSize;
        var rawMax = request.QueryValue("maxResults");
        if (rawMax is not null
            && (!int.TryParse(rawMax, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return EksErrors.InvalidParameter("maxResults must be an integer between 1 and 100.");
        }

        var offset = 0;
        var rawToken = request.QueryValue("nextToken");
        if (rawToken is not null && !TryDecode(rawToken, Scope(request), out offset))
        {
            return EksErrors.InvalidParameter("The nextToken provided is invalid.");
        }

        offset = Math.Min(offset, items.Count);
        var count = Math.Min(pageSize, items.Count - offset);
        page = items.Skip(offset).Take(count).ToList();
        if (offset + count < items.Count)
        {
            nextToken = Encode(Scope(request), offset + count);
        }

        return null;
    }

    private static string Scope(EksRequest request) =>
        request.Operation + "|" + string.Join('|', request.Route.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value));

    private string Encode(string scope, int offset)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{serverNonce}|{offset}|{scope}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private bool TryDecode(string token, string scope, out int offset)
    {
        offset = 0;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(buffer, 0, written).Split('|', 3);
        return parts.Length == 3
            && string.Equals(parts[0], serverNonce, StringComparison.Ordinal)
            && string.Equals(parts[2], scope, StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
