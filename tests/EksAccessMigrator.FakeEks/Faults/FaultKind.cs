namespace EksAccessMigrator.FakeEks.Faults;

/// <summary>What the fault injector does to one request.</summary>
internal enum FaultKind
{
    None,
    Throttle,
    Fail,
    Delay,
    Drop,
}
