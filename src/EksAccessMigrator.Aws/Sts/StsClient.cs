using System.Xml.Linq;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>
/// STS Query-protocol client on the same <see cref="AwsHttpPipeline"/> as EKS and IAM (our SigV4 signer, the rate
/// limit, the retry pipeline and the <c>--debug</c> wire log), for the one call the migrator makes.
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

    public void Dispose() => _pipeline.Dispose();

    private static string Required(XElement result, string name) =>
        result.Text(name) ?? throw new FormatException($"GetCallerIdentity response lacks <{name}>.");
}
