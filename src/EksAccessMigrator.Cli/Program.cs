using Cocona;
using EksAccessMigrator.Cli;
using EksAccessMigrator.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

return await CliApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
