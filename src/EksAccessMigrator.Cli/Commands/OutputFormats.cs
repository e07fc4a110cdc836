namespace EksAccessMigrator.Cli.Commands;

/// <summary>Parses <c>--format</c>.</summary>
public static class OutputFormats
{
    public static OutputFormat Parse(string? text, bool allowMarkdown = true)
    {
        var format = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            "markdown" or "md" when allowMarkdown => OutputFormat.Markdown,
            _ => throw new UsageException($"--format '{text}' is not known; use {(allowMarkdown ? "table, json or markdown" : "table or json")}."),
        };
        return format;
    }
}
