using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// The plan reader refuses what docs/plan.schema.json refuses: every enum member of the plan takes only its
/// fixed wire texts, and an unknown value names the member and the values allowed.
/// </summary>
public sealed class PlanReaderStrictnessTests
{
    private static JsonObject Sample() => JsonNode.Parse(PlanJson.Serialize(PlanRoles(
        "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters, ops]\n" +
        "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n" +
        "- rolearn: arn:aws:iam::12345:role/bad\n")))!.AsObject();

    private static JsonObject Change(JsonObject plan, string action) =>
        plan["changes"]!.AsArray().Select(c => c!.AsObject()).First(c => (string?)c["action"] == action);

    public static TheoryData<string, string, string> EnumMembers() => new()
    {
        { "phase", "$.phase", "migrate, cutover, finalize" },
        { "cluster.authenticationMode", "$.cluster.authenticationMode", "CONFIG_MAP, API_AND_CONFIG_MAP, API" },
        { "options.targetAuthenticationMode", "$.options.targetAuthenticationMode", "CONFIG_MAP, API_AND_CONFIG_MAP, API" },
        { "UpdateClusterConfig.authenticationMode", "$.changes[0].authenticationMode", "CONFIG_MAP, API_AND_CONFIG_MAP, API" },
        { "CreateAccessEntry.type", ".type", "STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX" },
        { "AssociateAccessPolicy.accessScope.type", ".accessScope.type", "cluster, namespace" },
        { "findings.severity", "$.findings[0].severity", "blocker, warning, info" },
    };

    private static void Set(JsonObject plan, string member, JsonNode? value)
    {
        switch (member)
        {
            case "phase":
                plan["phase"] = value;
                break;
            case "cluster.authenticationMode":
                plan["cluster"]!["authenticationMode"] = value;
                break;
            case "options.targetAuthenticationMode":
                plan["options"]!["targetAuthenticationMode"] = value;
                break;
            case "UpdateClusterConfig.authenticationMode":
                Change(plan, "UpdateClusterConfig")["authenticationMode"] = value;
                break;
            case "CreateAccessEntry.type":
                Change(plan, "CreateAccessEntry")["type"] = value;
                break;
            case "AssociateAccessPolicy.accessScope.type":
                Change(plan, "AssociateAccessPolicy")["accessScope"]!["type"] = value;
                break;
            case "findings.severity":
                plan["findings"]![0]!["severity"] = value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(member), member, null);
        }
    }

    [Theory]
    [MemberData(nameof(EnumMembers))]
    public void EveryEnumMemberRejectsABogusValue_NamingTheMemberAndTheAllowedValues(string member, string path, string allowed)
    {
        var plan = Sample();
        Set(plan, member, "bogus");

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.StartsWith("x.json:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bogus' is not one of the allowed values " + allowed + ".", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EnumMembers))]
    public void EveryEnumMemberRejectsTheCSharpNameAnotherCaseAndANumber(string member, string path, string allowed)
    {
        var first = allowed.Split(", ")[0];
        var upper = !first.Any(char.IsLower);
        var csharp = upper
            ? string.Concat(first.Split('_').Select(p => p[0] + p[1..].ToLowerInvariant()))
            : char.ToUpperInvariant(first[0]) + first[1..];
        foreach (var value in new JsonNode?[] { csharp, upper ? first.ToLowerInvariant() : first.ToUpperInvariant(), 0, true })
        {
            var plan = Sample();
            Set(plan, member, value);

            var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("is not one of the allowed values " + allowed + ".", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EnumMembers))]
    public void EveryEnumMemberReadsEachAllowedValue(string member, string path, string allowed)
    {
        Assert.NotEmpty(path);
        foreach (var value in allowed.Split(", "))
        {
            var plan = Sample();
            Set(plan, member, value);

            var error = Record.Exception(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

            // A valid value may still make the plan inconsistent (a severity that no longer matches the summary),
            // but never for the value itself.
            Assert.True(error is null || !error.Message.Contains("allowed values", StringComparison.Ordinal), error?.Message);
        }
    }

    [Theory]
    [InlineData("$")]
    [InlineData("cluster")]
    [InlineData("options")]
    [InlineData("options.workloads")]
    [InlineData("summary")]
    [InlineData("changes[0]")]
    [InlineData("findings[0]")]
    [InlineData("AssociateAccessPolicy.accessScope")]
    public void UnknownMemberIsRejectedAtEveryLevel(string where)
    {
        var plan = Sample();
        var target = where switch
        {
            "$" => plan,
            "cluster" => plan["cluster"]!.AsObject(),
            "options" => plan["options"]!.AsObject(),
            "options.workloads" => plan["options"]!["workloads"]!.AsObject(),
            "summary" => plan["summary"]!.AsObject(),
            "changes[0]" => plan["changes"]![0]!.AsObject(),
            "findings[0]" => plan["findings"]![0]!.AsObject(),
            _ => Change(plan, "AssociateAccessPolicy")["accessScope"]!.AsObject(),
        };
        target["surprise"] = "x";

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.Contains("surprise", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("options.targetAuthenticationMode", "API_AND_CONFIG_MAP", "the only target is API")]
    [InlineData("options.targetAuthenticationMode", "CONFIG_MAP", "the only target is API")]
    [InlineData("UpdateClusterConfig.authenticationMode", "CONFIG_MAP", "modes only move forward")]
    public void ValuesTheSchemaNarrowsAreRefusedAsInconsistent(string member, string value, string expected)
    {
        var plan = Sample();
        Set(plan, member, value);

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Job", true)]
    [InlineData("CronJob", true)]
    [InlineData("Pod", true)]
    [InlineData("Deployment", false)]
    [InlineData("DaemonSet", false)]
    public void ARestartOfAKindWithoutRollingRestartIsRefused(string kind, bool refused)
    {
        var plan = Sample();
        var restart = new JsonObject
        {
            ["action"] = "RestartWorkload",
            ["address"] = "restart/shop/" + kind + "/web",
            ["disruptive"] = true,
            ["kind"] = kind,
            ["namespace"] = "shop",
            ["name"] = "web",
            ["reversible"] = true,
            ["sources"] = new JsonArray("shop/" + kind + "/web"),
        };
        plan["changes"]!.AsArray().Add(restart);
        plan["summary"]!["changes"] = plan["changes"]!.AsArray().Count;
        plan["summary"]!["changesByAction"]!["RestartWorkload"] = 1;

        var error = Record.Exception(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.Equal(refused, error is PlanFormatException { Message: var m } && m.Contains("has no rolling restart", StringComparison.Ordinal));
        Assert.True(refused || error is null, error?.Message);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("deployment")]
    public void AnUnknownWorkloadKindIsRefused(string kind)
    {
        var plan = Sample();
        plan["changes"]!.AsArray().Add(new JsonObject
        {
            ["action"] = "PatchWorkload",
            ["address"] = "workload/shop/x/web",
            ["kind"] = kind,
            ["namespace"] = "shop",
            ["name"] = "web",
            ["reversible"] = true,
            ["sources"] = new JsonArray("x"),
        });

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.Contains($"'{kind}' is not one of the allowed values Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod.", error.Message, StringComparison.Ordinal);
        Assert.Contains(".kind", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cluster.partition", "aws-moon", "is not aws, aws-cn or aws-us-gov")]
    [InlineData("options.workloads.namespaceRestrictionFormat", "wildcard", "is neither glob nor regexp")]
    public void FixedStringsTheSchemaListsAreRefusedOtherwise(string member, string value, string expected)
    {
        var plan = Sample();
        var (owner, name) = member == "cluster.partition" ? (plan["cluster"]!, "partition") : (plan["options"]!["workloads"]!, "namespaceRestrictionFormat");
        owner[name] = value;

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate", "CreateAddon", "addonName", "vpc-cni", "plans only create eks-pod-identity-agent")]
    [InlineData("finalize", "ReplaceConfigMap", "name", "other", "plans only replace kube-system/aws-auth")]
    [InlineData("finalize", "ReplaceConfigMap", "namespace", "default", "plans only replace kube-system/aws-auth")]
    [InlineData("finalize", "ReplaceConfigMap", "removedEntries[0].section", "mapAccounts", "outside mapRoles and mapUsers")]
    public void FixedStringsOfChangesAreRefusedOtherwise(string phase, string action, string member, string value, string expected)
    {
        var file = $"every-change-kind.{phase}.plan.json";
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(Support.Repo.Golden, file)))!.AsObject();
        var change = Change(plan, action);
        if (member.StartsWith("removedEntries[0].", StringComparison.Ordinal))
        {
            change["removedEntries"]![0]![member["removedEntries[0].".Length..]] = value;
        }
        else
        {
            change[member] = value;
        }

        var error = Assert.Throws<PlanFormatException>(() => PlanJson.Deserialize(plan.ToJsonString(), file));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleItselfIsRead()
    {
        var plan = PlanJson.Deserialize(Sample().ToJsonString(), "x.json");

        Assert.Equal(Planning.PlanPhase.Migrate, plan.Phase);
        Assert.Contains(plan.Changes, c => c is CreateAccessEntryChange { Type: Planning.AccessEntryType.Ec2Linux });
    }
}
