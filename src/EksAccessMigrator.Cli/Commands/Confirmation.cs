namespace EksAccessMigrator.Cli.Commands;

/// <summary>Asks a person to confirm a write; scripts pass --yes. Without a terminal and without --yes, refuses.</summary>
public static class Confirmation
{
    public static bool Confirm(CliInput input, CliOutput output, bool yes, string question)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (yes)
        {
            return true;
        }

        if (!input.IsTerminal)
        {
            throw new UsageException("there is no terminal to confirm on: pass --yes to apply without asking (or --dry-run to see what would be done).");
        }

        output.Error.Write($"{question} Type 'yes' to go on: ");
        return string.Equals(input.In.ReadLine()?.Trim(), "yes", StringComparison.Ordinal);
    }
}
