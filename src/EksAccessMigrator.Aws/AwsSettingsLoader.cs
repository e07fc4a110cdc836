using Amazon.Runtime.CredentialManagement;

namespace EksAccessMigrator.Aws;

/// <summary>
/// Builds <see cref="AwsClientSettings"/> from explicit values, the environment and the shared config files.
/// Region: explicit, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region.
/// Endpoints: AWS_ENDPOINT_URL_EKS / _IAM / _STS win over AWS_ENDPOINT_URL.
/// </summary>
public static class AwsSettingsLoader
{
    public static AwsClientSettings Load(string? region, string? profile, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var effectiveProfile = NonEmpty(profile) ?? NonEmpty(env("AWS_PROFILE"));
        var resolvedRegion = NonEmpty(region)
            ?? NonEmpty(env("AWS_REGION"))
            ?? NonEmpty(env("AWS_DEFAULT_REGION"))
            ?? ProfileRegion(effectiveProfile ?? "default")
            ?? throw new AwsConfigurationException("No AWS region: pass --region, set AWS_REGION, or set a region in the profile.");
        return new AwsClientSettings
        {
            Region = resolvedRegion,
            Profile = effectiveProfile,
            EndpointUrl = Url(env, "AWS_ENDPOINT_URL"),
            EksEndpointUrl = Url(env, "AWS_ENDPOINT_URL_EKS"),
            IamEndpointUrl = Url(env, "AWS_ENDPOINT_URL_IAM"),
            StsEndpointUrl = Url(env, "AWS_ENDPOINT_URL_STS"),
        };
    }

    private static string? ProfileRegion(string profile)
    {
        var chain = new CredentialProfileStoreChain();
        return chain.TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
    }

    private static Uri? Url(Func<string, string?> env, string name)
    {
        var value = NonEmpty(env(name));
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AwsConfigurationException($"{name} is not an absolute http(s) URL.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
