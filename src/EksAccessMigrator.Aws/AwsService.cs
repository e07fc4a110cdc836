namespace EksAccessMigrator.Aws;

/// <summary>The services this adapter talks to.</summary>
public enum AwsService
{
    Eks,
    Iam,
    Sts,
}
