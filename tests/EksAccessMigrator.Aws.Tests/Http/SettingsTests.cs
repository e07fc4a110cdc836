using EksAccessMigrator.Aws.Credentials;

namespace EksAccessMigrator.Aws.Tests.Http;

public sealed class SettingsTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return key => map.GetValueOrDefault(key);
    }

    [Theory]
    [InlineData("us-west-2", AwsService.Eks, "https://eks.us-west-2.amazonaws.com/", "us-west-2")]
    [InlineData("cn-north-1", AwsService.Eks, "https://eks.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-west-1", AwsService.Eks, "https://eks.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("eu-west-1", AwsService.Iam, "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-northwest-1", AwsService.Iam, "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", AwsService.Iam, "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("eu-west-1", AwsService.Sts, "https://sts.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("cn-north-1", AwsService.Sts, "https://sts.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    public void Default_endpoints_follow_the_partition(string region, AwsService service, string url, string signingRegion)
    {
        var endpoint = AwsEndpointResolver.Resolve(new AwsClientSettings { Region = region }, service);

        Assert.Equal(url, endpoint.BaseUri.AbsoluteUri);
        Assert.Equal(signingRegion, endpoint.SigningRegion);
    }

    [Fact]
    public void Service_specific_endpoint_wins_over_global()
    {
        var settings = AwsSettingsLoader.Load(null, null, Env(
            ("AWS_REGION", "eu-central-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:5000")));

        Assert.Equal("eu-central-1", settings.Region);
        Assert.Equal("http://127.0.0.1:5000/", AwsEndpointResolver.Resolve(settings, AwsService.Iam).BaseUri.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:4566/", AwsEndpointResolver.Resolve(settings, AwsService.Eks).BaseUri.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:4566/", AwsEndpointResolver.Resolve(settings, AwsService.Sts).BaseUri.AbsoluteUri);
        Assert.Equal("us-east-1", AwsEndpointResolver.Resolve(settings, AwsService.Iam).SigningRegion);
    }

    [Fact]
    public void Explicit_region_wins_over_environment()
    {
        var settings = AwsSettingsLoader.Load("ap-south-1", "ops", Env(("AWS_REGION", "eu-central-1"), ("AWS_PROFILE", "other")));

        Assert.Equal("ap-south-1", settings.Region);
        Assert.Equal("ops", settings.Profile);
    }

    [Fact]
    public void Bad_endpoint_url_is_a_configuration_error()
    {
        Assert.Throws<AwsConfigurationException>(() => AwsSettingsLoader.Load("us-east-1", null, Env(("AWS_ENDPOINT_URL_EKS", "not a url"))));
    }

    [Fact]
    public async Task Named_profile_is_resolved_by_the_sdk()
    {
        var file = Path.Combine(Path.GetTempPath(), $"eam-aws-creds-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "[ops]\naws_access_key_id = AKIAPROFILETEST00001\naws_secret_access_key = profileSecret\naws_session_token = profileToken\n");
        try
        {
            var source = new SdkCredentialSource("ops", file);

            var credentials = await source.GetCredentialsAsync(CancellationToken.None);

            Assert.Equal("AKIAPROFILETEST00001", credentials.AccessKeyId);
            Assert.Equal("profileToken", credentials.SessionToken);
            Assert.DoesNotContain("profileSecret", credentials.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("profileToken", credentials.ToString(), StringComparison.Ordinal);
            await Assert.ThrowsAsync<AwsConfigurationException>(async () => await new SdkCredentialSource("missing", file).GetCredentialsAsync(CancellationToken.None));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
