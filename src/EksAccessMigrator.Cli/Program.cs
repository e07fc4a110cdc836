using EksAccessMigrator.Cli;
using EksAccessMigrator.Cli.Views;

return await CliApp.RunAsync(
    args,
    ProcessConsole.Out,
    ProcessConsole.Error,
    errorIsTerminal: ProcessConsole.ErrorIsTerminal,
    stdin: ProcessConsole.In,
    inputIsTerminal: ProcessConsole.InputIsTerminal,
    outputWidth: ProcessConsole.OutputWidth).ConfigureAwait(false);
