namespace EksAccessMigrator.FakeEks.Faults;

/// <summary>The fault chosen for one request.</summary>
internal readonly record struct FaultAction(FaultKind Kind, int StatusCode, TimeSpan Delay)
{
    public static FaultAction None => new(FaultKind.None, 0, TimeSpan.Zero);
}
