using Cocona;
using EksAccessMigrator.Cli.CommandLine;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EksAccessMigrator.Cli;

/// <summary>Builds and runs the command-line application; the single place where exceptions become exit codes.</summary>
public static class CliApp
{
    /// <summary>The command classes, in the order help lists them.</summary>
    public static IReadOnlyList<Type> CommandTypes { get; } =
        [typeof(ScanCommand), typeof(PlanCommand), typeof(ShowCommand), typeof(ApplyCommand), typeof(VerifyCommand), typeof(RollbackCommand), typeof(ExportCommand)];

    /// <summary>The groups of sub-commands: <c>fleet plan|apply|verify</c>.</summary>
    public static IReadOnlyDictionary<string, Type> CommandGroups { get; } = new Dictionary<string, Type> { [FleetCommand.Group] = typeof(FleetCommand) };

    public static CommandCatalogue Catalogue { get; } = CommandCatalogue.Of(CommandTypes, CommandGroups);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null, bool errorIsTerminal = false, TextReader? stdin = null, bool inputIsTerminal = false, int? outputWidth = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        try
        {
            var request = CommandLineCheck.Inspect(args, Catalogue);
            if (request.IsHelp)
            {
                HelpView.Render(Catalogue, request.HelpCommand, request.HelpBecauseNothingGiven ? stderr : stdout);
                return request.HelpBecauseNothingGiven ? ExitCodes.Error : ExitCodes.Success;
            }

            var builder = CoconaApp.CreateBuilder([.. request.Args], options =>
            {
                options.TreatPublicMethodsAsCommands = false;
                options.EnableShellCompletionSupport = false;
            });
            builder.Logging.ClearProviders();
            var output = new CliOutput(stdout, stderr, errorIsTerminal, outputWidth);
            var filter = new ExitCodeFilter(output);
            builder.Services.AddSingleton(output);
            builder.Services.AddSingleton(new CliInput(stdin ?? TextReader.Null, inputIsTerminal));
            builder.Services.AddSingleton(clock ?? TimeProvider.System);
            var app = builder.Build();
            app.UseFilter(filter);
            foreach (var type in CommandTypes)
            {
                app.AddCommands(type);
            }

            foreach (var (name, type) in CommandGroups)
            {
                app.AddSubCommand(name, group => group.AddCommands(type));
            }
            await app.RunAsync().ConfigureAwait(false);

            // No command ran: help or version (0), or a command line Cocona itself rejected (its message is printed).
            return filter.ExitCode ?? (Environment.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ErrorMapper.Report(ex, stderr);
        }
    }
}
