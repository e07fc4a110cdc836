using EksAccessMigrator.Live.Errors;

namespace EksAccessMigrator.Live;

/// <summary>Runs one scan step: reports it to the progress receiver and turns its I/O failures into scan errors.</summary>
internal sealed class ScanSteps(IScanProgress progress, LiveScanContext context)
{
    public IScanProgress Progress => progress;

    public LiveScanContext Context => context;

    public async Task<T> RunAsync<T>(ScanStep step, Func<CancellationToken, Task<T>> read, Func<T, int> count, CancellationToken cancellationToken)
    {
        progress.StepStarted(step);
        T result;
        try
        {
            result = await read(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && ScanErrors.Translate(step, error, context) is { } translated)
        {
            if (ReferenceEquals(translated, error))
            {
                throw;
            }

            throw translated;
        }

        progress.StepFinished(step, count(result));
        return result;
    }
}
