using System.Text;

namespace EksAccessMigrator.Aws.Signing;

/// <summary>RFC 3986 percent-encoding as SigV4 and the AWS protocols use it.</summary>
public static class SigV4Encoding
{
    /// <summary>Encodes every byte except the unreserved set A-Z a-z 0-9 - _ . ~ (and '/' when <paramref name="keepSlash"/>).</summary>
    public static string UriEncode(string value, bool keepSlash = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (IsUnreserved(b) || (keepSlash && c == '/'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return sb.ToString();
    }

    /// <summary>application/x-www-form-urlencoded as Python's urlencode writes it (space becomes '+').</summary>
    public static string FormEncode(string value) => UriEncode(value).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>Decodes %XX escapes (UTF-8); '+' is left alone.</summary>
    public static string PercentDecode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                var width = char.IsHighSurrogate(value[i]) && i + 1 < value.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, width)));
                i += width - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private const string Hex = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
