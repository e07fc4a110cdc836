using System.Runtime.InteropServices;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM during apply or rollback: the first one fires <see cref="Stop"/> (the executor starts no new
/// step; steps in flight finish or time out and are journaled; the command exits 130), the second exits at once with
/// 130 (the journal, fsynced record by record, already tells the next run what happened).
/// </summary>
public sealed class SignalStop : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _error;
    private readonly Action<int> _exit;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    /// <param name="error">Where to say what the signal does.</param>
    /// <param name="exit">Ends the process at once (the second signal); <see cref="Environment.Exit"/> outside tests.</param>
    /// <param name="register">Whether to register the process's signal handlers (tests call <see cref="Handle"/> directly).</param>
    public SignalStop(TextWriter error, Action<int>? exit = null, bool register = true)
    {
        _error = error;
        _exit = exit ?? Environment.Exit;
        if (register)
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
        }
    }

    /// <summary>Fires on the first signal.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Whether a signal arrived.</summary>
    public bool Signalled => Volatile.Read(ref _signals) > 0;

    public void Handle(PosixSignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            _error.WriteLine($"{context.Signal}: starting no new step; waiting for the steps in flight to finish (signal again to exit at once).");
            _stop.Cancel();
            return;
        }

        _error.WriteLine($"{context.Signal} again: exiting now; run the command again to continue from the journal.");
        _error.Flush();
        _exit(ExitCodes.Cancelled);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
