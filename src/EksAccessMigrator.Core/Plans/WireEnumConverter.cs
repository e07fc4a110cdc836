using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// Reads and writes a plan enum as its fixed wire text (<see cref="WireNames"/>). Anything else (another string,
/// a number, another case) is refused with the values allowed; the serializer adds the member's path.
/// </summary>
public sealed class WireEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (WireNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        var shown = text is null ? $"a JSON {reader.TokenType}" : $"'{Shorten(text)}'";
        throw new JsonException($"{shown} is not one of the allowed values {string.Join(", ", WireNames.All<T>())}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Wire());
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
