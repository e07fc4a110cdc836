namespace EksAccessMigrator.Cli.Commands;

/// <summary>The renderings a command can print.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Markdown,
}
