using System.Reflection;

namespace EksAccessMigrator.Cli;

/// <summary>The tool's version as recorded in plans (without the source-revision suffix, so plans stay deterministic).</summary>
public static class ToolVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
