using System.Xml.Linq;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>
/// STS Query-protocol client on the same <see cref="AwsHttpPipeline"/> as EKS and IAM (our SigV4 signer, the rate
/// limit, the retry pipeline and the <c>--debug</c> wire log): GetCallerIdentity, and AssumeRole for fleet clusters
/// reached through a role in another account (<see cref="Credentials.AssumeRoleCredentialSource"/>).
/// </summary>
public sealed class StsClient : ICallerIdentity, IDisposable
{
    private readonly AwsHttpPipeline _pipeline;

    public StsClient(AwsHttpPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    public static StsClient Create(AwsClientSettings settings, IAwsCredentialSource credentials, AwsPipelineOptions? options = null) =>
        new(new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Sts), credentials, settings, options));

    public AwsHttpPipeline Pipeline => _pipeline;

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var request = StsRequests.GetCallerIdentity();
        var response = await _pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken).ConfigureAwait(false);
        var result = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root.Child("GetCallerIdentityResult")
            ?? throw new FormatException("GetCallerIdentity response lacks <GetCallerIdentityResult>.");
        return new CallerIdentity(Required(result, "Account"), Required(result, "Arn"), Required(result, "UserId"));
    }

    /// <summary>sts:AssumeRole: temporary credentials of <paramref name="roleArn"/> for <paramref name="durationSeconds"/> (900 to the role's maximum).</summary>
    public async Task<AssumedRoleCredentials> AssumeRoleAsync(string roleArn, string sessionName, int durationSeconds, CancellationToken cancellationToken)
    {
        var request = StsRequests.AssumeRole(roleArn, sessionName, durationSeconds);
        var response = await _pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken).ConfigureAwait(false);
        var result = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root.Child("AssumeRoleResult")
            ?? throw new FormatException("AssumeRole response lacks <AssumeRoleResult>.");
        var credentials = result.Child("Credentials") ?? throw new FormatException("AssumeRole response lacks <Credentials>.");
        var expiration = DateTimeOffset.Parse(Required(credentials, "Expiration", "AssumeRole"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var snapshot = new Signing.AwsCredentialsSnapshot(Required(credentials, "AccessKeyId", "AssumeRole"), Required(credentials, "SecretAccessKey", "AssumeRole"), Required(credentials, "SessionToken", "AssumeRole"));
        var assumed = result.Child("AssumedRoleUser").Text("Arn") ?? roleArn;
        return new AssumedRoleCredentials(snapshot, expiration, assumed);
    }

    public void Dispose() => _pipeline.Dispose();

    private static string Required(XElement result, string name, string operation = "GetCallerIdentity") =>
        result.Text(name) ?? throw new FormatException($"{operation} response lacks <{name}>.");
}
