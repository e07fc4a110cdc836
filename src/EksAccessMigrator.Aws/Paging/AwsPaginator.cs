using System.Runtime.CompilerServices;

namespace EksAccessMigrator.Aws.Paging;

/// <summary>
/// The one paginator of every AWS list (EKS and IAM, client and scan): follows the continuation token to the end and
/// refuses a token the service returned before (an endless loop) with a <see cref="FormatException"/>.
/// </summary>
public static class AwsPaginator
{
    /// <summary>Every item, page by page as they arrive.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        string operation,
        Func<string?, CancellationToken, Task<IAwsPage<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(operation, fetch, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>Every item, in the service's order; <paramref name="progress"/> (if any) hears the running count after each page.</summary>
    public static async Task<List<T>> ListAllAsync<T>(
        string operation,
        Func<string?, CancellationToken, Task<IAwsPage<T>>> fetch,
        CancellationToken cancellationToken,
        Action<int>? progress = null)
    {
        var items = new List<T>();
        await foreach (var page in PagesAsync(operation, fetch, cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(page.Items);
            progress?.Invoke(items.Count);
        }

        return items;
    }

    /// <summary>Every page, as they arrive (for a caller that reports progress per page).</summary>
    public static async IAsyncEnumerable<IAwsPage<T>> PagesAsync<T>(
        string operation,
        Func<string?, CancellationToken, Task<IAwsPage<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.Continuation;
            if (token is not null && !seen.Add(token))
            {
                throw new FormatException($"{operation} returned a continuation token it had returned before; stopping to avoid an endless loop.");
            }
        }
        while (token is not null);
    }
}
