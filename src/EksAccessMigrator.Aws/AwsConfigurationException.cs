namespace EksAccessMigrator.Aws;

/// <summary>The local AWS configuration (profile, region, endpoint) is missing or invalid.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException()
    {
    }

    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
