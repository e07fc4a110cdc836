using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Tests.Support;

namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// docs/plan.schema.json against the plan types, by reflection: every change kind, and for every object of the
/// plan its member names, which are required, that unknown members are refused, and the values of every enum.
/// Adding a member to a record, a change kind or an enum value without the schema fails here.
/// </summary>
public sealed class SchemaMatchesTypesTests
{
    /// <summary>
    /// Members whose schema allows fewer values than their type; the reader refuses the others as inconsistent
    /// (see <see cref="PlanJson"/>), which PlanReaderStrictnessTests checks.
    /// </summary>
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> Narrowed = new Dictionary<string, ImmutableArray<string>>
    {
        ["$.options.targetAuthenticationMode"] = ["API"],
        ["UpdateClusterConfig.authenticationMode"] = ["API_AND_CONFIG_MAP", "API"],
        ["RestartWorkload.kind"] = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"],
    }.ToImmutableDictionary();

    private static readonly Lazy<JsonObject> Schema = new(() => JsonNode.Parse(File.ReadAllText(Repo.Schema))!.AsObject());

    private static JsonObject Definitions => Schema.Value["definitions"]!.AsObject();

    [Fact]
    public void EveryChangeKindHasADefinition_AndEveryDefinitionIsAChangeKind()
    {
        var kinds = typeof(PlanChange).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).Order(StringComparer.Ordinal).ToList();
        var sealedKinds = typeof(PlanChange).Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(typeof(PlanChange))).ToList();
        var listed = Definitions["change"]!["oneOf"]!.AsArray().Select(r => ((string)r!["$ref"]!).Split('/')[^1]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(sealedKinds.Count, kinds.Count);
        Assert.Equal(kinds, listed);
    }

    [Fact]
    public void ThePlanAndEverythingInItMatchTheirSchema()
    {
        var problems = new List<string>();
        CheckObject(Schema.Value, typeof(MigrationPlan), "$", problems);
        foreach (var attribute in typeof(PlanChange).GetCustomAttributes<JsonDerivedTypeAttribute>())
        {
            var action = (string)attribute.TypeDiscriminator!;
            var definition = Definitions[action]!.AsObject();
            if (Values(definition["properties"]!["action"]) is not [var only] || only != action)
            {
                problems.Add($"{action}: 'action' is not fixed to {action}");
            }

            CheckObject(definition, attribute.DerivedType, action, problems, discriminator: "action");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryEnumOfThePlanIsWrittenByItsWireConverter_NeverAsANumberOrItsCSharpName()
    {
        var enums = new HashSet<Type>();
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(MigrationPlan), .. typeof(PlanChange).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType)]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var (_, memberType, _) in Members(type))
            {
                var inner = Nullable.GetUnderlyingType(memberType) ?? memberType;
                inner = inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(ImmutableArray<>) ? inner.GetGenericArguments()[0] : inner;
                if (inner.IsEnum)
                {
                    enums.Add(inner);
                }
                else if (IsPlanObject(inner))
                {
                    pending.Push(inner);
                }
            }
        }

        Assert.True(enums.Count >= 6, string.Join(", ", enums.Select(e => e.Name)));
        Assert.All(enums, e => Assert.Equal(typeof(WireEnumConverter<>).MakeGenericType(e), e.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType));
        Assert.All(enums, e => Assert.Equal(Enum.GetNames(e).Length, WireNames.All(e).Distinct(StringComparer.Ordinal).Count()));
    }

    [Fact]
    public void TheCheckFindsAMemberTheSchemaLacks_AndAnEnumValueItLacks()
    {
        var problems = new List<string>();
        var cluster = Schema.Value["properties"]!["cluster"]!.DeepClone().AsObject();
        cluster["properties"]!.AsObject().Remove("kubeSystemUid");
        cluster["properties"]!["authenticationMode"] = new JsonObject { ["enum"] = new JsonArray("CONFIG_MAP", "API") };

        CheckObject(cluster, typeof(PlanCluster), "$.cluster", problems);

        Assert.Contains(problems, p => p.Contains("kubeSystemUid", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("authenticationMode", StringComparison.Ordinal) && p.Contains("API_AND_CONFIG_MAP", StringComparison.Ordinal));
    }

    private static void CheckObject(JsonObject node, Type type, string path, List<string> problems, string? discriminator = null)
    {
        if (node["additionalProperties"] is not JsonValue closed || closed.GetValueKind() != JsonValueKind.False)
        {
            problems.Add($"{path}: the schema does not refuse unknown members (additionalProperties: false)");
        }

        var properties = node["properties"]?.AsObject() ?? [];
        var required = Required(node);
        var members = Members(type).ToList();
        var expected = members.Select(m => m.Name).Concat(discriminator is null ? [] : [discriminator]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in expected.Where(n => !properties.ContainsKey(n)))
        {
            problems.Add($"{path}: member '{name}' of {type.Name} is not in the schema");
        }

        foreach (var (name, _) in properties.Where(p => !expected.Contains(p.Key)))
        {
            problems.Add($"{path}: the schema has '{name}', which {type.Name} does not");
        }

        var requiredByType = members.Where(m => m.Required).Select(m => m.Name).Concat(discriminator is null ? [] : [discriminator]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in requiredByType.Except(required))
        {
            problems.Add($"{path}: '{name}' is required by {type.Name} but not by the schema");
        }

        foreach (var name in required.Except(requiredByType))
        {
            problems.Add($"{path}: the schema requires '{name}', which {type.Name} does not");
        }

        foreach (var member in members.Where(m => properties.ContainsKey(m.Name)))
        {
            CheckMember(Resolve(properties[member.Name]!, node, member.Name), member.Type, path.StartsWith('$') ? $"{path}.{member.Name}" : $"{path}.{member.Name}", problems);
        }
    }

    private static void CheckMember(JsonNode node, Type type, string path, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var values = Values(node);
            var allowed = Narrowed.TryGetValue(path, out var narrowed) ? narrowed : WireNames.All(type);
            if (values is null || !values.SequenceEqual(allowed))
            {
                problems.Add($"{path}: the schema allows [{string.Join(", ", values ?? [])}], the type {type.Name} [{string.Join(", ", allowed)}]");
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var item = type.GetGenericArguments()[0];
            if (item != typeof(PlanChange) && node["items"] is JsonNode items)
            {
                CheckMember(Resolve(items, null, null), item, path + "[]", problems);
            }
            else if (item != typeof(PlanChange) && (item.IsEnum || IsPlanObject(item)))
            {
                problems.Add($"{path}: the schema does not describe the items");
            }
        }
        else if (IsPlanObject(type))
        {
            CheckObject(node.AsObject(), type, path, problems);
        }
    }

    private static bool IsPlanObject(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("EksAccessMigrator.Core", StringComparison.Ordinal) == true;

    /// <summary>A member's schema: a <c>$ref</c> followed; for a change kind's placeholder (<c>{}</c>), the common definition's.</summary>
    private static JsonNode Resolve(JsonNode node, JsonObject? owner, string? name)
    {
        if (node["$ref"] is JsonNode reference)
        {
            return Resolve(Definitions[((string)reference!).Split('/')[^1]]!, null, null);
        }

        if (node is JsonObject { Count: 0 } && owner?["allOf"] is JsonArray all)
        {
            foreach (var part in all)
            {
                var common = Resolve(part!, null, null);
                if (common["properties"]?[name!] is JsonNode inherited)
                {
                    return Resolve(inherited, null, null);
                }
            }
        }

        return node;
    }

    private static ImmutableHashSet<string> Required(JsonObject node)
    {
        var names = (node["required"]?.AsArray() ?? []).Select(n => (string)n!);
        foreach (var part in node["allOf"]?.AsArray() ?? [])
        {
            names = names.Concat(Required(Resolve(part!, null, null).AsObject()));
        }

        return names.ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static List<string>? Values(JsonNode? node) => node?["enum"]?.AsArray().Select(v => v!.ToJsonString().Trim('"')).ToList();

    private static IEnumerable<(string Name, Type Type, bool Required)> Members(Type type)
    {
        var constructorParameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetMethod is null || property.Name == "EqualityContract")
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null || constructorParameters.Contains(property.Name);
            yield return (name, property.PropertyType, required);
        }
    }
}
