using System.Runtime.CompilerServices;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Lists in pages of <see cref="KubernetesAdapterOptions.PageSize"/> with <c>limit</c>/<c>continue</c>. When the
/// server answers a continue request with 410 Expired, the list restarts once from the beginning and items already
/// yielded (by uid) are skipped; a second 410 fails with a <see cref="KubernetesApiException"/> (reason Expired).
/// </summary>
internal sealed class PagedLister(RetryExecutor retry, int pageSize)
{
    public async IAsyncEnumerable<TItem> ListAsync<TList, TItem>(
        string operation,
        Func<string?, int, CancellationToken, Task<TList>> fetchPage,
        [EnumeratorCancellation] CancellationToken ct)
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
        where TItem : IMetadata<V1ObjectMeta>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var restarted = false;
        string? continueToken = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            TList page;
            try
            {
                var token = continueToken;
                page = await retry.ExecuteAsync(operation, c => fetchPage(token, pageSize, c), ct);
            }
            catch (KubernetesApiException e) when (e.StatusCode == 410 && continueToken is not null)
            {
                if (restarted)
                {
                    throw new KubernetesApiException(
                        operation,
                        410,
                        "Expired",
                        "the list's continue token expired twice (the cluster changed faster than the list could be read); run again or raise the page size",
                        e.Attempts,
                        null);
                }

                restarted = true;
                continueToken = null;
                continue;
            }

            foreach (var item in page.Items ?? [])
            {
                var uid = item.Metadata?.Uid;
                if (uid is null || seen.Add(uid))
                {
                    yield return item;
                }
            }

            continueToken = page.Metadata?.ContinueProperty;
            if (string.IsNullOrEmpty(continueToken))
            {
                yield break;
            }
        }
    }
}
