using System.Text.Json;
using EksAccessMigrator.Aws.Http;

namespace EksAccessMigrator.Aws.Errors;

/// <summary>
/// Reads REST-JSON errors: the code from the x-amzn-ErrorType header (anything after ':' dropped) or the
/// body's __type/code, the message from message/Message.
/// </summary>
public static class RestJsonErrorParser
{
    public static AwsErrorDetails Parse(string operation, AwsWireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = response.Header("x-amzn-errortype");
        string? message = null;
        try
        {
            if (response.Body.Length > 0)
            {
                using var doc = JsonDocument.Parse(response.Body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code ??= Str(doc.RootElement, "__type") ?? Str(doc.RootElement, "code") ?? Str(doc.RootElement, "Code");
                    message = Str(doc.RootElement, "message") ?? Str(doc.RootElement, "Message");
                }
            }
        }
        catch (JsonException)
        {
            message = null;
        }

        var normalised = code is null ? string.Empty : AwsErrorMapper.NormaliseCode(code);
        if (normalised.Length == 0)
        {
            normalised = $"Http{response.StatusCode}";
        }

        return new AwsErrorDetails(operation, response.StatusCode, normalised, message ?? string.Empty, response.RequestId);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
