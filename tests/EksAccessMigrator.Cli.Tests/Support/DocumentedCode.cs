namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>One finding code as a rule's row in docs/mapping-rules*.md lists it, with the severity the row gives (null: none).</summary>
internal sealed record DocumentedCode(string File, string Rule, string Code, string? Severity);
