using System.Text.Json;

namespace EksAccessMigrator.Aws.Json;

/// <summary>Shared System.Text.Json options for AWS REST-JSON responses.</summary>
public static class AwsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new FlexibleTimestampConverter() },
    };
}
