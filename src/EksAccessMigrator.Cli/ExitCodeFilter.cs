using Cocona.Filters;

namespace EksAccessMigrator.Cli;

/// <summary>
/// Wraps every command: maps exceptions to a one-line message through <see cref="ErrorMapper"/> and keeps the
/// exit code for <see cref="CliApp"/> (per run, not process-global, so runs can share a process in tests).
/// </summary>
public sealed class ExitCodeFilter(CliOutput output) : ICommandFilter
{
    public int? ExitCode { get; private set; }

    public async ValueTask<int> OnCommandExecutionAsync(CoconaCommandExecutingContext ctx, CommandExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            ExitCode = await next(ctx).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ExitCode = ErrorMapper.Report(ex, output.Error);
        }

        return ExitCode.Value;
    }
}
