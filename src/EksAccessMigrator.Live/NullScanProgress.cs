namespace EksAccessMigrator.Live;

/// <summary>Progress that goes nowhere.</summary>
internal sealed class NullScanProgress : IScanProgress
{
    public static NullScanProgress Instance { get; } = new();

    public void StepStarted(ScanStep step)
    {
    }

    public void StepAdvanced(ScanStep step, int itemsSoFar)
    {
    }

    public void StepFinished(ScanStep step, int items)
    {
    }

    public void StepSkipped(ScanStep step, string reason)
    {
    }

    public void Retrying(string operation, int attempt, TimeSpan delay)
    {
    }
}
