using System.Text;

namespace EksAccessMigrator.Cli.Export;

/// <summary>HCL string literals: quotes, backslashes, control characters and template sequences escaped.</summary>
public static class HclText
{
    public static string Quote(string? value)
    {
        var text = new StringBuilder("\"");
        var s = value ?? string.Empty;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '$' or '%' when i + 1 < s.Length && s[i + 1] == '{':
                    text.Append(c).Append(c);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append($"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string List(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Quote))}]";
}
