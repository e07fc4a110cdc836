namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>One entry of mapAccounts.</summary>
public sealed record AwsAuthAccount(int Index, string AccountId)
{
    public string Source => AwsAuthSection.Source(AwsAuthSection.MapAccounts, Index);
}
