using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Sts;

namespace EksAccessMigrator.Aws.Credentials;

/// <summary>
/// Credentials of a role assumed through sts:AssumeRole with the base credentials (a profile or the default chain),
/// for clusters in other accounts. The STS call goes through our <see cref="StsClient"/> on the one AWS pipeline, so
/// <c>--debug</c> (redacted), retries and the rate limit see it. The credentials are cached and assumed again
/// <see cref="RefreshBefore"/> before they expire; the secret is never logged (<see cref="ToString"/> names the role only).
/// </summary>
public sealed class AssumeRoleCredentialSource : IAwsCredentialSource, IDisposable
{
    /// <summary>How long before expiry the role is assumed again.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    /// <summary>The session length asked for: one hour, what every role allows by default.</summary>
    public const int DurationSeconds = 3600;

    private readonly StsClient _sts;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AssumedRoleCredentials? _current;

    /// <param name="roleArn">The role to assume.</param>
    /// <param name="sessionName">The role session name (CloudTrail shows it): see <see cref="SessionName"/>.</param>
    /// <param name="baseCredentials">The credentials that assume the role.</param>
    /// <param name="settings">Region and endpoints of STS.</param>
    /// <param name="options">Wire log and clock of the pipeline.</param>
    public AssumeRoleCredentialSource(string roleArn, string sessionName, IAwsCredentialSource baseCredentials, AwsClientSettings settings, AwsPipelineOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        ArgumentNullException.ThrowIfNull(baseCredentials);
        ArgumentNullException.ThrowIfNull(settings);
        RoleArn = roleArn;
        RoleSessionName = sessionName;
        _clock = options?.TimeProvider ?? TimeProvider.System;
        _sts = StsClient.Create(settings, baseCredentials, options);
    }

    public string RoleArn { get; }

    public string RoleSessionName { get; }

    /// <summary>
    /// A role session name that names the tool and the cluster (<c>eks-access-migrator-&lt;cluster&gt;</c>), cut to STS's
    /// 64 characters and to the characters it allows (letters, digits and <c>=,.@-_</c>).
    /// </summary>
    public static string SessionName(string cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var chars = ("eks-access-migrator-" + cluster).Select(c => char.IsAsciiLetterOrDigit(c) || "=,.@-_".Contains(c, StringComparison.Ordinal) ? c : '-').ToArray();
        return new string(chars, 0, Math.Min(chars.Length, 64));
    }

    public async ValueTask<AwsCredentialsSnapshot> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } again)
            {
                return again;
            }

            try
            {
                _current = await _sts.AssumeRoleAsync(RoleArn, RoleSessionName, DurationSeconds, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Errors.AwsServiceException or Errors.AwsTransportException)
            {
                // Said as what it is (the role could not be assumed), not as a failure of the call that needed the credentials.
                throw new AwsConfigurationException($"the role {RoleArn} could not be assumed (sts:AssumeRole): {ex.Message.TrimEnd('.')}. Check that the role exists, that its trust policy allows the base credentials (the profile or the default chain) to assume it, and that STS is reachable.", ex);
            }

            return _current.Credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _sts.Dispose();
        _gate.Dispose();
    }

    public override string ToString() => $"AssumeRoleCredentialSource(RoleArn={RoleArn}, Session={RoleSessionName})";

    private AwsCredentialsSnapshot? Fresh(AssumedRoleCredentials? current) =>
        current is not null && _clock.GetUtcNow() < current.Expiration - RefreshBefore ? current.Credentials : null;
}
