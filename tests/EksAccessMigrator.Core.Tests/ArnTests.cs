using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Tests;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/admin", "aws", IamPrincipalKind.Role, "/", "admin")]
    [InlineData("arn:aws-cn:iam::111122223333:role/a/b/c", "aws-cn", IamPrincipalKind.Role, "/a/b/", "c")]
    [InlineData("arn:aws-us-gov:iam::111122223333:user/ops/bob", "aws-us-gov", IamPrincipalKind.User, "/ops/", "bob")]
    [InlineData("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_A_1", "aws", IamPrincipalKind.Role, "/aws-reserved/sso.amazonaws.com/eu-west-1/", "AWSReservedSSO_A_1")]
    public void ParsesRolesAndUsersWithPaths(string text, string partition, IamPrincipalKind kind, string path, string name)
    {
        Assert.True(IamPrincipalArn.TryParse(text, out var arn, out _));
        Assert.Equal(partition, arn.Partition);
        Assert.Equal(kind, arn.Kind);
        Assert.Equal(path, arn.Path);
        Assert.Equal(name, arn.Name);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("arn:aws:iam::111122223333:role/")]
    [InlineData("arn:aws:iam::111122223333:role/bad name")]
    [InlineData("arn:aws:iam::1111222233334:role/a")]
    [InlineData("arn:notaws:iam::111122223333:role/a")]
    [InlineData("arn:aws:iam::111122223333:role/a\u001b[31m")]
    public void RejectsWhatIsNotAnIamPrincipal(string text)
    {
        Assert.False(IamPrincipalArn.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void RejectsHugeInputWithoutWork()
    {
        Assert.False(IamPrincipalArn.TryParse("arn:aws:iam::111122223333:role/" + new string('a', 100_000), out _, out var error));
        Assert.Contains("longer", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin/me@example.com", "arn:aws:iam::111122223333:role/Admin")]
    [InlineData("arn:aws:iam::111122223333:user/bob", "arn:aws:iam::111122223333:user/bob")]
    public void CallerArnsBecomeTheirPrincipal(string caller, string principal)
    {
        Assert.Equal(principal, CallerArn.ToPrincipal(caller)?.ToString());
    }

    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void RegionsMapToPartitions(string region, string partition) => Assert.Equal(partition, Partitions.ForRegion(region));
}
