using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>Changes in journal records: written with <see cref="PlanJson.SerializeChange"/>, read back for rollback.</summary>
internal static class ChangeCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonObject Write(PlanChange change) => JsonNode.Parse(PlanJson.SerializeChange(change))!.AsObject();

    public static PlanChange Read(JsonObject change) =>
        change.Deserialize<PlanChange>(Options) ?? throw new InvalidDataException("A journal record holds a null change.");
}
