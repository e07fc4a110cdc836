using System.Reflection;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>The finding catalogue, read by reflection: its descriptors (code, severity, rule) and its factories.</summary>
internal static class Catalogue
{
    private const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The static classes of the catalogue: every class of the Findings namespace with a descriptor.</summary>
    public static IReadOnlyList<Type> Classes { get; } =
        [.. typeof(FindingDescriptor).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FindingDescriptor).Namespace && t is { IsAbstract: true, IsSealed: true })
            .Where(t => t.GetFields(Statics).Any(f => f.FieldType == typeof(FindingDescriptor)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static IReadOnlyList<(Type Class, string Field, FindingDescriptor Descriptor)> Descriptors { get; } =
        [.. Classes.SelectMany(c => c.GetFields(Statics)
            .Where(f => f.FieldType == typeof(FindingDescriptor))
            .Select(f => (c, f.Name, (FindingDescriptor)f.GetValue(null)!)))];

    /// <summary>The factories: every static method of a catalogue class that returns a finding.</summary>
    public static IReadOnlyList<MethodInfo> Factories { get; } =
        [.. Classes.SelectMany(c => c.GetMethods(Statics))
            .Where(m => m.ReturnType == typeof(Finding) && !m.IsPrivate && !m.IsSpecialName)];

    /// <summary>The constants of <see cref="FindingCodes"/>: name and code.</summary>
    public static IReadOnlyList<(string Name, string Code)> Codes { get; } =
        [.. typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))];
}
