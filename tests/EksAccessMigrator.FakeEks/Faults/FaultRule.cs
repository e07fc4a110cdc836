namespace EksAccessMigrator.FakeEks.Faults;

/// <summary>A queued "next N requests" fault, optionally limited to one operation.</summary>
internal sealed class FaultRule(FaultKind kind, int remaining, string? operation, int statusCode, TimeSpan delay)
{
    public int Remaining { get; private set; } = remaining;

    public bool TryTake(string requestOperation, out FaultAction action)
    {
        action = FaultAction.None;
        if (Remaining <= 0 || (operation is not null && !string.Equals(operation, requestOperation, StringComparison.Ordinal)))
        {
            return false;
        }

        Remaining--;
        action = new FaultAction(kind, statusCode, delay);
        return true;
    }
}
