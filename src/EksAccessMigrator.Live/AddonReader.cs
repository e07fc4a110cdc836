using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>The cluster's add-ons (ListAddons): whether the Pod Identity agent is one of them (rule K12).</summary>
internal static class AddonReader
{
    /// <summary>The add-on that runs the Pod Identity agent.</summary>
    public const string PodIdentityAgent = "eks-pod-identity-agent";

    public static async Task<IReadOnlyList<string>> ListAsync(IPodIdentity podIdentity, string clusterName, CancellationToken cancellationToken)
    {
        var names = await EksBatch.AllAsync(podIdentity.ListAddonsAsync(clusterName, EksBatch.PageSize, cancellationToken)).ConfigureAwait(false);
        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
