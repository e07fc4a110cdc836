namespace EksAccessMigrator.Aws;

/// <summary>Where to send requests for a service and which region to put in the signature.</summary>
public sealed record AwsEndpoint(Uri BaseUri, string SigningRegion, string SigningName);
