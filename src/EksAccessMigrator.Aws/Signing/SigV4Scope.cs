namespace EksAccessMigrator.Aws.Signing;

/// <summary>Where and when a signature applies.</summary>
public sealed record SigV4Scope(string Region, string Service, DateTimeOffset Time)
{
    public string Date => Time.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public string AmzDate => Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public string CredentialScope => $"{Date}/{Region}/{Service}/aws4_request";
}
