using EksAccessMigrator.Aws.Eks;

namespace EksAccessMigrator.Live;

/// <summary>Follows an EKS list's <c>nextToken</c> to the end, refusing a token seen before (an endless loop).</summary>
internal static class EksPaging
{
    /// <summary>The largest <c>maxResults</c> the EKS list operations the scan uses accept.</summary>
    public const int PageSize = 100;

    public static async Task<List<T>> ListAllAsync<T>(string operation, Func<string?, Task<EksPage<T>>> fetch)
    {
        var items = new List<T>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await fetch(token).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (token is not null && !tokens.Add(token))
            {
                throw new FormatException($"{operation} returned a nextToken it had returned before; stopping to avoid an endless loop.");
            }
        }
        while (token is not null);
        return items;
    }

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
}
