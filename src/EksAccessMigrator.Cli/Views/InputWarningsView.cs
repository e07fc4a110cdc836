using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli.Views;

/// <summary>Inputs that were passed over, one warning line each on standard error.</summary>
public static class InputWarningsView
{
    public static void Render(IEnumerable<SkippedInput> skipped, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var item in skipped)
        {
            error.WriteLine($"warning: skipped {Text.Safe(item.Path)}: {item.Reason}.");
        }
    }
}
