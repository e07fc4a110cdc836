using EksAccessMigrator.Cli.Tests.Support;
using NJsonSchema;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Every golden plan validates against the shipped JSON Schema, docs/plan.schema.json.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Repo.Path_("docs", "plan.schema.json"))).GetAwaiter().GetResult());

    public static TheoryData<string> GoldenPlans()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Golden, "*.plan.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenPlans))]
    public void GoldenPlanValidatesAgainstTheSchema(string name)
    {
        var errors = Schema.Value.Validate(File.ReadAllText(Path.Combine(Repo.Golden, name)));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [MemberData(nameof(GoldenPlans))]
    public void GoldenPlanRoundTripsThroughThePlanReader(string name)
    {
        var json = File.ReadAllText(Path.Combine(Repo.Golden, name));

        var again = Core.Plans.PlanJson.Serialize(Core.Plans.PlanJson.Deserialize(json, name));

        Assert.Equal(json, again);
    }

    [Fact]
    public void ThereAreGoldenPlansToValidate() => Assert.True(GoldenPlans().Count >= 3);

    [Theory]
    [InlineData("\"action\": \"CreateAccessEntry\"", "\"action\": \"DeleteCluster\"")]
    [InlineData("\"severity\": \"blocker\"", "\"severity\": \"fatal\"")]
    [InlineData("\"type\": \"EC2_LINUX\"", "\"type\": \"EC2\"")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2")]
    public void SchemaRejectsWhatThePlanFormatDoesNotAllow(string from, string to)
    {
        var plan = File.ReadAllText(Path.Combine(Repo.Golden, "every-rule.plan.json"));
        Assert.Contains(from, plan, StringComparison.Ordinal);

        var errors = Schema.Value.Validate(plan.Replace(from, to, StringComparison.Ordinal));

        Assert.NotEmpty(errors);
    }
}
