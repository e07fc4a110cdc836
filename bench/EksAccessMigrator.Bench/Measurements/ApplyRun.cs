namespace EksAccessMigrator.Bench.Measurements;

/// <summary>One apply: wall time, steps done, and the EKS requests by operation.</summary>
internal sealed record ApplyRun(TimeSpan Wall, int Writes, bool Succeeded, string Failure, IReadOnlyDictionary<string, int> Requests, int Accepted)
{
    public int TotalRequests => Requests.Values.Sum();

    public string RequestText => string.Join(", ", Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
}
