namespace EksAccessMigrator.Live;

/// <summary>
/// Receives progress of a live scan, e.g. to render it on a terminal. Steps run concurrently, so calls arrive
/// from several threads at once; implementations must be thread-safe and quick. Nothing secret is ever passed.
/// </summary>
public interface IScanProgress
{
    /// <summary>A step began.</summary>
    void StepStarted(ScanStep step);

    /// <summary>A step has read <paramref name="itemsSoFar"/> items so far (after each page of a paged list).</summary>
    void StepAdvanced(ScanStep step, int itemsSoFar);

    /// <summary>A step ended; <paramref name="items"/> is what it read (roles, entries, ConfigMap data keys, ...).</summary>
    void StepFinished(ScanStep step, int items);

    /// <summary>A step was not needed (e.g. access entries in CONFIG_MAP mode); <paramref name="reason"/> says why.</summary>
    void StepSkipped(ScanStep step, string reason);

    /// <summary>A request failed transiently and is retried after <paramref name="delay"/>.</summary>
    void Retrying(string operation, int attempt, TimeSpan delay);
}
