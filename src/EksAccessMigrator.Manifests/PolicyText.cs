namespace EksAccessMigrator.Manifests;

/// <summary>An IAM policy document as files carry it: JSON, or the URL-encoded form the IAM API returns.</summary>
internal static class PolicyText
{
    public static string Decode(string text) => text.TrimStart().StartsWith('%') ? Uri.UnescapeDataString(text) : text;
}
