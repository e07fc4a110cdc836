using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Arms faults for the next matching requests. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<ConcurrentEdit> _edits = [];

    /// <summary>Gets the number of armed fault rules and edit hooks not yet used up.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Count + _edits.Count;
            }
        }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="statusCode"/> (a Status body; 429 with Retry-After).</summary>
    public void FailNext(int statusCode, int times = 1, TimeSpan? retryAfter = null, Func<FakeRequestInfo, bool>? when = null) =>
        Arm(new FaultRule(FaultKind.Status, times, when) { StatusCode = statusCode, RetryAfter = retryAfter });

    /// <summary>Delays the next <paramref name="times"/> matching requests by <paramref name="delay"/>, then answers normally.</summary>
    public void DelayNext(TimeSpan delay, int times = 1, Func<FakeRequestInfo, bool>? when = null) =>
        Arm(new FaultRule(FaultKind.Delay, times, when) { Delay = delay });

    /// <summary>Aborts the connection of the next <paramref name="times"/> matching requests.</summary>
    public void DropNext(int times = 1, Func<FakeRequestInfo, bool>? when = null) =>
        Arm(new FaultRule(FaultKind.Drop, times, when));

    /// <summary>Answers the next <paramref name="times"/> requests carrying a <c>continue</c> token with 410 Expired.</summary>
    public void ExpireNextContinue(int times = 1) =>
        Arm(new FaultRule(FaultKind.ExpireContinue, times, r => r.Query.ContainsKey("continue")));

    /// <summary>
    /// Just before the next write (PUT, PATCH, DELETE) to the named object, applies <paramref name="edit"/> to it as
    /// another client would (bumping its resourceVersion), so the write sees a concurrent modification.
    /// </summary>
    public void ConcurrentEditBeforeNextWrite(ResourceKind kind, string? ns, string name, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            _edits.Add(new ConcurrentEdit(kind, ns, name, edit));
        }
    }

    /// <summary>Disarms everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _edits.Clear();
        }
    }

    internal FaultRule? Take(FakeRequestInfo request)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.When is null || r.When(request));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            if (rule.Remaining <= 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }

    internal ConcurrentEdit? TakeEdit(ResourceKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            var edit = _edits.FirstOrDefault(e => e.Kind == kind && e.Namespace == ns && e.Name == name);
            if (edit is not null)
            {
                _edits.Remove(edit);
            }

            return edit;
        }
    }

    private void Arm(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Remaining, 1);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
