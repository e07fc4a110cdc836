using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>STS through AWSSDK.SecurityToken (regional endpoint, or the configured override).</summary>
public sealed class StsService : IDisposable
{
    private readonly AmazonSecurityTokenServiceClient _client;

    public StsService(AwsClientSettings settings, IAwsCredentialSource credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var endpoint = AwsEndpointResolver.Resolve(settings, AwsService.Sts);
        var config = new AmazonSecurityTokenServiceConfig
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region),
            Timeout = settings.RequestTimeout,
            MaxErrorRetry = Math.Max(0, settings.Retry.MaxAttempts - 1),
        };
        config.ServiceURL = endpoint.BaseUri.AbsoluteUri;
        config.AuthenticationRegion = endpoint.SigningRegion;
        Endpoint = endpoint;
        _client = new AmazonSecurityTokenServiceClient(CredentialSourceAdapter.For(credentials), config);
    }

    public AwsEndpoint Endpoint { get; }

    public async Task<AwsCallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return new AwsCallerIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (AmazonServiceException ex)
        {
            throw Map("GetCallerIdentity", ex);
        }
    }

    public async Task<AwsAssumedRole> AssumeRoleAsync(string roleArn, string sessionName, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName };
        if (duration is { } d)
        {
            request.DurationSeconds = (int)d.TotalSeconds;
        }

        try
        {
            var response = await _client.AssumeRoleAsync(request, cancellationToken);
            var c = response.Credentials;
            return new AwsAssumedRole(
                new AwsCredentialsSnapshot(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
                c.Expiration is { } exp ? new DateTimeOffset(DateTime.SpecifyKind(exp, DateTimeKind.Utc)) : DateTimeOffset.MinValue,
                response.AssumedRoleUser.Arn,
                response.AssumedRoleUser.AssumedRoleId);
        }
        catch (AmazonServiceException ex)
        {
            throw Map("AssumeRole", ex);
        }
    }

    public void Dispose() => _client.Dispose();

    private static AwsServiceException Map(string operation, AmazonServiceException ex) =>
        AwsErrorMapper.Create(new AwsErrorDetails(operation, (int)ex.StatusCode, ex.ErrorCode ?? "Unknown", ex.Message, ex.RequestId));
}
