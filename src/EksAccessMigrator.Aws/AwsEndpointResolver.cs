namespace EksAccessMigrator.Aws;

/// <summary>Default endpoints per partition, with the service-specific override winning over the global one.</summary>
public static class AwsEndpointResolver
{
    public static AwsEndpoint Resolve(AwsClientSettings settings, AwsService service)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var partition = settings.Partition;
        var region = settings.Region;
        return service switch
        {
            AwsService.Eks => new AwsEndpoint(
                settings.EksEndpointUrl ?? settings.EndpointUrl ?? new Uri($"https://eks.{region}.{partition.DnsSuffix}"), region, "eks"),
            AwsService.Iam => new AwsEndpoint(
                settings.IamEndpointUrl ?? settings.EndpointUrl ?? new Uri($"https://{partition.IamGlobalHost}"), partition.IamSigningRegion, "iam"),
            AwsService.Sts => new AwsEndpoint(
                settings.StsEndpointUrl ?? settings.EndpointUrl ?? new Uri($"https://sts.{region}.{partition.DnsSuffix}"), region, "sts"),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown service."),
        };
    }
}
