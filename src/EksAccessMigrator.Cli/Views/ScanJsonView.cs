using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Views;

/// <summary>What a scan found, as JSON for scripts.</summary>
public static class ScanJsonView
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Render(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(report, Options));
    }
}
