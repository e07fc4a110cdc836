namespace EksAccessMigrator.Aws.Signing;

/// <summary>Helpers to keep secrets out of logs and messages.</summary>
public static class Redaction
{
    public const string Mask = "***";

    public static string MaskAccessKey(string accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        return accessKeyId.Length <= 4 ? Mask : accessKeyId[..4] + Mask;
    }
}
