using System.Text;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Tests.Signing.Differential;

/// <summary>
/// One generated request to sign: the wire path and query (as sent), the decoded query pairs they came from, the
/// headers handed to the signer (Host and X-Amz-Date included), the body, the credentials and the signing time.
/// </summary>
internal sealed record SigningCase(
    string Name,
    string Method,
    string Service,
    string Region,
    string Authority,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> QueryPairs,
    IReadOnlyList<SigV4Header> Headers,
    byte[] Body,
    AwsCredentialsSnapshot Credentials,
    DateTimeOffset Time)
{
    public string Url => "https://" + Authority + Path + (Query.Length > 0 ? "?" + Query : string.Empty);

    public SigV4Scope Scope => new(Region, Service, Time);

    public SigV4Request Request => new(Method, Path, Query, Headers, Body);

    /// <summary>What a failure message shows: everything but the secret key and the session token's value.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Name).Append(": ").Append(Method).Append(' ').Append(Url)
            .Append(" (").Append(Service).Append(", ").Append(Region).Append(", ").Append(Scope.AmzDate)
            .Append(Credentials.SessionToken is null ? ", no session token" : ", with a session token").Append(")\n");
        foreach (var header in Headers)
        {
            text.Append("  ").Append(header.Name).Append(": ").Append(header.Name.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase) ? Redaction.Mask : header.Value).Append('\n');
        }

        return text.Append("  body: ").Append(Body.Length).Append(" bytes").ToString();
    }
}
