using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

public sealed class PlanJsonTests
{
    private static MigrationPlan Sample() => PlanRoles(
        "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters, ops]\n" +
        "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n" +
        "- rolearn: arn:aws:iam::12345:role/bad\n");

    [Fact]
    public void RoundTripGivesTheSameBytes()
    {
        var json = PlanJson.Serialize(Sample());

        var again = PlanJson.Serialize(PlanJson.Deserialize(json, "plan.json"));

        Assert.Equal(json, again);
    }

    [Fact]
    public void TheStreamedPlanFileHasTheSameBytesAsTheText()
    {
        var plan = Sample();
        using var stream = new MemoryStream();

        PlanJson.Serialize(stream, plan);

        Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(PlanJson.Serialize(plan)), stream.ToArray());
    }

    [Fact]
    public void ChangesCarryTheOperationsMemberNames()
    {
        var json = PlanJson.Serialize(Sample());

        Assert.Contains("\"action\": \"CreateAccessEntry\"", json, StringComparison.Ordinal);
        Assert.Contains("\"principalArn\": \"arn:aws:iam::111122223333:role/admin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kubernetesGroups\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"accessScope\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"authenticationMode\": \"API_AND_CONFIG_MAP\"", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\": \"blocker\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("\"1\"")]
    public void UnknownFormatVersionIsRejectedClearly(string version)
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"formatVersion\": 1", $"\"formatVersion\": {version}", StringComparison.Ordinal);

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "old.json"));

        Assert.StartsWith("old.json: plan format version", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "no 'formatVersion'")]
    [InlineData("[1]", "no 'formatVersion'")]
    [InlineData("{\"formatVersion\": 1", "not JSON")]
    [InlineData("not json", "not JSON")]
    public void GarbageIsRejectedClearly(string json, string expected)
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownActionIsRejected()
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"action\": \"CreateAccessEntry\"", "\"action\": \"DeleteCluster\"", StringComparison.Ordinal);

        Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));
    }

    [Fact]
    public void UnknownMemberIsRejected()
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"address\":", "\"adress\": \"x\", \"address\":", StringComparison.Ordinal);

        Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));
    }

    [Fact]
    public void MissingRequiredMemberIsRejected()
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"reversible\": true,", string.Empty, StringComparison.Ordinal);

        Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));
    }

    [Fact]
    public void EditedSummaryIsRejected()
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"blockers\": 1", "\"blockers\": 0", StringComparison.Ordinal);

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));

        Assert.Contains("summary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModeChangeMarkedReversibleIsRejected()
    {
        var json = PlanJson.Serialize(Sample()).Replace("\"backupAwsAuth\": false,\n      \"reversible\": false", "\"backupAwsAuth\": false,\n      \"reversible\": true", StringComparison.Ordinal);
        var plan = PlanJson.Serialize(Sample());
        Assert.NotEqual(plan, json);

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(json, "x.json"));

        Assert.Contains("reversible", error.Message, StringComparison.Ordinal);
    }
}
