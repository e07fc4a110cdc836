using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The fixed text of each value of a plan enum: its <see cref="JsonStringEnumMemberNameAttribute"/>. Plan files,
/// journals, views and messages use this text, never the C# member name, so renaming a member changes no file.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Type, (ImmutableArray<string> Names, ImmutableDictionary<string, object> Values)> Cache = new();

    /// <summary>The wire text of <paramref name="value"/>.</summary>
    public static string Wire<T>(this T value)
        where T : struct, Enum
    {
        var name = Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no member {value}.");
        return typeof(T).GetField(name)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} has no JsonStringEnumMemberName.");
    }

    /// <summary>Every wire text of <typeparamref name="T"/>, in declaration order.</summary>
    public static ImmutableArray<string> All<T>()
        where T : struct, Enum => Of(typeof(T)).Names;

    /// <summary>Every wire text of the enum <paramref name="type"/>, in declaration order.</summary>
    public static ImmutableArray<string> All(Type type) => Of(type).Names;

    /// <summary>The value whose wire text is exactly <paramref name="text"/> (case-sensitive).</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && Of(typeof(T)).Values.TryGetValue(text, out var found))
        {
            value = (T)found;
            return true;
        }

        value = default;
        return false;
    }

    private static (ImmutableArray<string> Names, ImmutableDictionary<string, object> Values) Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, static t =>
        {
            if (!t.IsEnum)
            {
                throw new ArgumentException($"{t.Name} is not an enum.", nameof(type));
            }

            var fields = t.GetFields(BindingFlags.Public | BindingFlags.Static);
            var names = ImmutableArray.CreateBuilder<string>(fields.Length);
            var values = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
            foreach (var field in fields.OrderBy(f => f.MetadataToken))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{t.Name}.{field.Name} has no JsonStringEnumMemberName.");
                names.Add(name);
                values.Add(name, field.GetValue(null)!);
            }

            return (names.ToImmutable(), values.ToImmutable());
        });
    }
}
