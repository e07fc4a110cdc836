using System.Globalization;
using System.Reflection;
using Cocona;

namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>
/// The commands of the tool, read by reflection from the same Cocona attributes that bind them, so the command-line
/// checks and the help never disagree with what the commands take.
/// </summary>
public sealed class CommandCatalogue
{
    private CommandCatalogue(IReadOnlyList<CommandInfo> commands) => Commands = commands;

    public IReadOnlyList<CommandInfo> Commands { get; }

    public CommandInfo? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    /// <summary>The groups of sub-commands (<c>fleet</c>): the first word of a command named with two.</summary>
    public IEnumerable<string> Groups => Commands.Where(c => c.Name.Contains(' ', StringComparison.Ordinal)).Select(c => c.Name.Split(' ')[0]).Distinct(StringComparer.Ordinal);

    public static CommandCatalogue Of(IEnumerable<Type> commandTypes) => Of(commandTypes, new Dictionary<string, Type>());

    /// <summary>
    /// The commands of <paramref name="commandTypes"/>, then the sub-commands of each group (<c>fleet</c>:
    /// <c>fleet plan</c>, <c>fleet apply</c>, ...), named with the group's name first.
    /// </summary>
    public static CommandCatalogue Of(IEnumerable<Type> commandTypes, IReadOnlyDictionary<string, Type> groups)
    {
        ArgumentNullException.ThrowIfNull(commandTypes);
        ArgumentNullException.ThrowIfNull(groups);
        var commands = new List<CommandInfo>();
        foreach (var (type, prefix) in commandTypes.Select(t => (t, string.Empty)).Concat(groups.Select(g => (g.Value, g.Key + " "))))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<CommandAttribute>() is not { } command)
                {
                    continue;
                }

                var options = new List<CommandOption>();
                var arguments = new List<CommandArgument>();
                foreach (var parameter in method.GetParameters())
                {
                    Read(parameter, options, arguments);
                }

                commands.Add(new CommandInfo(prefix + (command.Name ?? method.Name.ToLowerInvariant()), command.Description ?? string.Empty, options, arguments));
            }
        }

        return new CommandCatalogue(commands);
    }

    private static void Read(ParameterInfo parameter, List<CommandOption> options, List<CommandArgument> arguments)
    {
        if (parameter.ParameterType == typeof(CoconaAppContext))
        {
            return;
        }

        if (typeof(ICommandParameterSet).IsAssignableFrom(parameter.ParameterType))
        {
            var defaults = Activator.CreateInstance(parameter.ParameterType);
            foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<OptionAttribute>() is { } attribute)
                {
                    options.Add(Option(attribute, property.Name, property.PropertyType, property.GetValue(defaults)));
                }
            }

            return;
        }

        if (parameter.GetCustomAttribute<ArgumentAttribute>() is { } argument)
        {
            var optional = parameter.HasDefaultValue || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
            arguments.Add(new CommandArgument(argument.Name ?? parameter.Name!, argument.Description ?? string.Empty, optional));
            return;
        }

        var option = parameter.GetCustomAttribute<OptionAttribute>();
        options.Add(Option(option ?? new OptionAttribute(), parameter.Name!, parameter.ParameterType, parameter.HasDefaultValue ? parameter.DefaultValue : null));
    }

    private static CommandOption Option(OptionAttribute attribute, string memberName, Type type, object? defaultValue)
    {
        var repeatable = type.IsArray;
        var valueType = repeatable ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        var shown = defaultValue switch
        {
            null or false or Array => null,
            string { Length: 0 } => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
        var name = attribute.Name ?? ToKebab(memberName);
        return new CommandOption(name, attribute.ShortNames ?? [], valueType == typeof(bool) ? null : attribute.ValueName ?? "VALUE", attribute.Description ?? string.Empty, valueType, repeatable, shown);
    }

    private static string ToKebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
