using EksAccessMigrator.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected, stdin: Console.In, inputIsTerminal: !Console.IsInputRedirected, outputWidth: Console.IsOutputRedirected ? null : Console.WindowWidth).ConfigureAwait(false);
