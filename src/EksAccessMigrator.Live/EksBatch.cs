namespace EksAccessMigrator.Live;

/// <summary>How the scan reads EKS lists: the page size it asks for and the bounded fan-out of describes (paging itself is the adapters').</summary>
internal static class EksBatch
{
    /// <summary>The largest <c>maxResults</c> the EKS list operations the scan uses accept.</summary>
    public const int PageSize = 100;

    /// <summary>Describes each name, at most <paramref name="maxConcurrency"/> at a time, in list order; gone ones (null) are dropped.</summary>
    public static async Task<List<TOut>> DescribeEachAsync<TIn, TOut>(IReadOnlyList<TIn> items, int maxConcurrency, Func<TIn, CancellationToken, Task<TOut?>> describe, CancellationToken cancellationToken)
        where TOut : class
    {
        var results = new TOut?[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, ct) =>
            results[index] = await describe(items[index], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results.OfType<TOut>()];
    }

    /// <summary>Every item of a streamed list.</summary>
    public static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            all.Add(item);
        }

        return all;
    }
}
