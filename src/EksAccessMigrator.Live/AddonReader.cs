using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Live;

/// <summary>The cluster's add-ons (ListAddons): whether the Pod Identity agent is one of them (rule K12).</summary>
internal static class AddonReader
{
    /// <summary>The add-on that runs the Pod Identity agent.</summary>
    public const string PodIdentityAgent = "eks-pod-identity-agent";

    public static async Task<IReadOnlyList<string>> ListAsync(EksClient eks, string clusterName, RetryRecorder recorder, CancellationToken cancellationToken)
    {
        var names = await AwsPaginator.ListAllAsync<string>("ListAddons", async (token, ct) =>
            await recorder.TrackAsync(() => eks.ListAddonsPageAsync(clusterName, EksBatch.PageSize, token, ct)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
