namespace EksAccessMigrator.FakeEks;

/// <summary>Operation names of the requests received, in arrival order ("Unknown" for unmatched routes).</summary>
public sealed class FakeEksRequestLog
{
    private const int Capacity = 100_000;
    private readonly Lock gate = new();
    private readonly List<string> operations = [];

    /// <summary>A copy of the operation names received so far.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (gate)
            {
                return operations.ToList();
            }
        }
    }

    /// <summary>How many requests named <paramref name="operation"/> arrived.</summary>
    public int Count(string operation)
    {
        lock (gate)
        {
            return operations.Count(o => string.Equals(o, operation, StringComparison.Ordinal));
        }
    }

    /// <summary>Forgets everything logged so far.</summary>
    public void Clear()
    {
        lock (gate)
        {
            operations.Clear();
        }
    }

    internal void Record(string operation)
    {
        lock (gate)
        {
            if (operations.Count < Capacity)
            {
                operations.Add(operation);
            }
        }
    }
}
