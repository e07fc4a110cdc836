using System.Text.RegularExpressions;

namespace EksAccessMigrator.FakeEks.Model;

/// <summary>A parsed IAM role or user ARN (the only principals access entries accept).</summary>
internal sealed partial record PrincipalArn(string Partition, string AccountId, string Kind, string Path, string Name)
{
    public bool IsRole => string.Equals(Kind, "role", StringComparison.Ordinal);

    public bool IsServiceLinked => IsRole && Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);

    public static PrincipalArn? Parse(string value)
    {
        var match = ArnPattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var resource = match.Groups["resource"].Value;
        var lastSlash = resource.LastIndexOf('/');
        var path = lastSlash < 0 ? "/" : "/" + resource[..(lastSlash + 1)];
        var name = resource[(lastSlash + 1)..];
        return name.Length == 0
            ? null
            : new PrincipalArn(match.Groups["partition"].Value, match.Groups["account"].Value, match.Groups["kind"].Value, path, name);
    }

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(?<account>\d{12}):(?<kind>role|user)/(?<resource>[\w+=,.@/-]{1,512})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();
}
