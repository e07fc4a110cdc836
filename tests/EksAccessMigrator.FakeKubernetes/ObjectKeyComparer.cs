namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Orders keys as etcd orders them within a kind: by namespace, then name (ordinal).</summary>
internal sealed class ObjectKeyComparer : IComparer<ObjectKey>
{
    public static readonly ObjectKeyComparer Instance = new();

    public int Compare(ObjectKey x, ObjectKey y)
    {
        var byGroup = string.CompareOrdinal(x.Kind.ApiVersion, y.Kind.ApiVersion);
        if (byGroup != 0)
        {
            return byGroup;
        }

        var byKind = string.CompareOrdinal(x.Kind.Kind, y.Kind.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byNamespace = string.CompareOrdinal(x.Namespace, y.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x.Name, y.Name);
    }
}
