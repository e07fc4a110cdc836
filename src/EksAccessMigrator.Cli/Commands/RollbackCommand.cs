using Cocona;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>rollback</c>: undoes what a journal records, in reverse, without overwriting later edits.</summary>
public sealed class RollbackCommand(CliOutput output, CliInput input)
{
    [Command("rollback", Description = "Undo what an apply journal records, in reverse order, checked against the reviewed plan file (--plan); resources changed since are reported, not overwritten. The authentication-mode change cannot be undone.")]
    public async Task<int> Rollback(
        [Argument("journal", Description = "The journal written by apply.")] string journal,
        LiveOptions live,
        [Option("plan", Description = "The reviewed plan file the journal was written for (default: the path the journal header records); its SHA-256 must match.", ValueName = "FILE")] string? plan = null,
        [Option("yes", Description = "Do not ask for confirmation (for scripts).")] bool yes = false,
        [Option("format", Description = "table (default) or json (one JSON event per step).", ValueName = "FORMAT")] string format = "table",
        CoconaAppContext? appContext = null)
    {
        var json = OutputFormats.Parse(format, allowMarkdown: false) == OutputFormat.Json;
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        var header = JournalHeader.Read(journal);
        var cluster = new ClusterOptions { Cluster = header.ClusterName, Region = header.Region, Account = header.AccountId };
        var settings = LiveInventory.Settings(cluster, live, null);
        var debug = live.Debug ? new WireLogView(output.Error) : null;

        // The journal's account and region are checked first; the executor checks the cluster's identity before any undo.
        using var connection = await LiveInventory.ConnectAsync(settings, debug, new ClusterExpectation(header.AccountId, header.Region, null), cancellationToken).ConfigureAwait(false);

        var question = $"Roll back the changes recorded in {journal} on cluster {header.ClusterName} ({header.Region}, account {header.AccountId})? An authentication-mode change cannot be undone.";
        if (!Confirmation.Confirm(input, output, yes, question))
        {
            output.Error.WriteLine("Not rolled back; nothing was written.");
            return ExitCodes.Error;
        }

        using var signals = new SignalStop(output.Error);
        var progress = new ApplyProgressView(json ? output.Out : output.Error, json, 0);
        var executor = new RollbackExecutor(connection.Ports, new ApplyOptions { ToolVersion = Cli.ToolVersion.Current, StopToken = signals.Stop }, progress);
        var result = await executor.RollbackAsync(journal, plan, CancellationToken.None).ConfigureAwait(false);

        var summaryWriter = json ? output.Error : output.Out;
        if (result.Refusal is { } refusal)
        {
            ApplySummaryView.Refused(refusal, summaryWriter);
            return ExitCodes.Refused;
        }

        ApplySummaryView.RolledBack(result, summaryWriter);
        return result.Interrupted && signals.Signalled ? ExitCodes.Cancelled : result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
    }
}
