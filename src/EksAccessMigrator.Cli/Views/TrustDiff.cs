using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EksAccessMigrator.Cli.Views;

/// <summary>A trust-policy change as a readable line diff of the pretty-printed documents.</summary>
public static class TrustDiff
{
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static string PrettyPrint(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Pretty))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Unified-style lines: "- " removed, "+ " added, "  " unchanged (longest common subsequence); where lines are
    /// replaced, the removed ones come first, as in <c>diff -u</c>.
    /// </summary>
    public static IReadOnlyList<string> Lines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                result.Add("  " + a[x++]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add("- " + a[x++]);
            }
            else
            {
                result.Add("+ " + b[y++]);
            }
        }

        return result;
    }

    /// <summary>Whether the statement lets EKS Pod Identity assume the role (rule K6), as opposed to a narrowed old one (rule R2).</summary>
    public static bool IsPodIdentity(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Principal", out var principal) && principal.ValueKind == JsonValueKind.Object
        && principal.TryGetProperty("Service", out var service) && service.ValueKind == JsonValueKind.String && service.GetString() == "pods.eks.amazonaws.com";

    /// <summary>A short description of one statement: its Sid, or its principal, and for Pod Identity the ServiceAccount.</summary>
    public static string Describe(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            return "(statement)";
        }

        if (statement.TryGetProperty("Condition", out var condition) && condition.TryGetProperty("StringEquals", out var equals)
            && equals.TryGetProperty("aws:RequestTag/kubernetes-namespace", out var ns) && equals.TryGetProperty("aws:RequestTag/kubernetes-service-account", out var sa))
        {
            return $"{ns.GetString()}/{sa.GetString()}";
        }

        if (statement.TryGetProperty("Principal", out var principal))
        {
            return principal.ValueKind == JsonValueKind.Object
                ? string.Join(" ", principal.EnumerateObject().Select(p => $"{p.Name} {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"))
                : principal.GetRawText();
        }

        return statement.TryGetProperty("Sid", out var sid) ? sid.GetRawText() : "(statement)";
    }
}
