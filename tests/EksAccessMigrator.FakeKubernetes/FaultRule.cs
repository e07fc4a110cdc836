namespace EksAccessMigrator.FakeKubernetes;

/// <summary>One armed fault: applies to the next <see cref="Remaining"/> matching requests.</summary>
internal sealed class FaultRule(FaultKind kind, int times, Func<FakeRequestInfo, bool>? when)
{
    public FaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = times;

    public Func<FakeRequestInfo, bool>? When { get; } = when;

    public int StatusCode { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    public string Describe() => Kind switch
    {
        FaultKind.Status => $"status {StatusCode}",
        FaultKind.Delay => $"delay {Delay.TotalMilliseconds}ms",
        FaultKind.Drop => "drop",
        _ => "expire-continue",
    };
}
