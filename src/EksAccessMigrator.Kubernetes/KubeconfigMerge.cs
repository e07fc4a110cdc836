using k8s.KubeConfigModels;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Merges the files of <c>$KUBECONFIG</c> as kubectl does: the first file to set a value wins (current-context,
/// and each cluster, user and context by name); later files only add what is not there yet.
/// </summary>
internal static class KubeconfigMerge
{
    public static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> files)
    {
        ArgumentOutOfRangeException.ThrowIfZero(files.Count);
        if (files.Count == 1)
        {
            return files[0];
        }

        return new K8SConfiguration
        {
            ApiVersion = files[0].ApiVersion,
            Kind = files[0].Kind,
            FileName = files[0].FileName,
            CurrentContext = files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Preferences = files[0].Preferences,
            Clusters = FirstByName(files.SelectMany(f => f.Clusters ?? []), c => c.Name),
            Users = FirstByName(files.SelectMany(f => f.Users ?? []), u => u.Name),
            Contexts = FirstByName(files.SelectMany(f => f.Contexts ?? []), c => c.Name),
            Extensions = FirstByName(files.SelectMany(f => f.Extensions ?? []), e => e.Name),
        };
    }

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string?> name) =>
        items.GroupBy(i => name(i) ?? string.Empty, StringComparer.Ordinal).Select(g => g.First()).ToList();
}
