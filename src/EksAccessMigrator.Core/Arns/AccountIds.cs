namespace EksAccessMigrator.Core.Arns;

/// <summary>AWS account IDs are exactly twelve ASCII digits.</summary>
public static class AccountIds
{
    public static bool IsValid(string? accountId) =>
        accountId is { Length: 12 } && accountId.All(char.IsAsciiDigit);
}
