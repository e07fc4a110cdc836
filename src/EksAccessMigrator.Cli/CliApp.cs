using Cocona;
using EksAccessMigrator.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EksAccessMigrator.Cli;

/// <summary>Builds and runs the command-line application; the single place where exceptions become exit codes.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null, bool errorIsTerminal = false, TextReader? stdin = null, bool inputIsTerminal = false)
    {
        try
        {
            var builder = CoconaApp.CreateBuilder(args, options =>
            {
                options.TreatPublicMethodsAsCommands = false;
                options.EnableShellCompletionSupport = false;
            });
            builder.Logging.ClearProviders();
            var output = new CliOutput(stdout, stderr, errorIsTerminal);
            var filter = new ExitCodeFilter(output);
            builder.Services.AddSingleton(output);
            builder.Services.AddSingleton(new CliInput(stdin ?? TextReader.Null, inputIsTerminal));
            builder.Services.AddSingleton(clock ?? TimeProvider.System);
            var app = builder.Build();
            app.UseFilter(filter);
            app.AddCommands<ScanCommand>();
            app.AddCommands<PlanCommand>();
            app.AddCommands<ShowCommand>();
            app.AddCommands<VerifyCommand>();
            app.AddCommands<ApplyCommand>();
            app.AddCommands<RollbackCommand>();
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
