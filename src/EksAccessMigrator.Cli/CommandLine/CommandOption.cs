namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>One option of a command, as its Cocona attributes declare it.</summary>
/// <param name="Name">The long name, without <c>--</c>.</param>
/// <param name="ShortNames">Single-letter aliases, without <c>-</c>.</param>
/// <param name="ValueName">What the value is called in help; null for a flag.</param>
/// <param name="Description">The help text.</param>
/// <param name="ValueType">The value's type (the element type for a repeatable option).</param>
/// <param name="Repeatable">True when the option may be given more than once.</param>
/// <param name="Default">The default shown in help, or null when there is nothing worth showing.</param>
public sealed record CommandOption(
    string Name,
    IReadOnlyList<char> ShortNames,
    string? ValueName,
    string Description,
    Type ValueType,
    bool Repeatable,
    string? Default)
{
    public bool IsFlag => ValueType == typeof(bool);
}
