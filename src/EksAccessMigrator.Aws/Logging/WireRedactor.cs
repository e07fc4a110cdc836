using System.Text.RegularExpressions;

namespace EksAccessMigrator.Aws.Logging;

/// <summary>Removes secrets from header values, URLs and free text before they reach a log.</summary>
public static partial class WireRedactor
{
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Amz-Security-Token", "X-Amz-Signature", "Cookie", "Set-Cookie", "Proxy-Authorization",
    };

    public static string RedactHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return SecretHeaders.Contains(name) ? Signing.Redaction.Mask : RedactText(value);
    }

    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return SecretQuery().Replace(url, m => m.Groups["k"].Value + "=" + Signing.Redaction.Mask);
    }

    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = BearerToken().Replace(text, "k8s-aws-v1." + Signing.Redaction.Mask);
        result = BearerHeader().Replace(result, "Bearer " + Signing.Redaction.Mask);
        return RedactUrl(result);
    }

    [GeneratedRegex(@"k8s-aws-v1\.[A-Za-z0-9_\-=]+")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"Bearer\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerHeader();

    [GeneratedRegex(@"(?<k>X-Amz-(Signature|Security-Token|Credential))=[^&\s""]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQuery();
}
