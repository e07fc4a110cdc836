namespace EksAccessMigrator.FakeKubernetes;

/// <summary>A parsed Kubernetes REST path.</summary>
/// <param name="Kind">The resource type.</param>
/// <param name="Namespace">The namespace from the path; null for cluster-scoped kinds and cluster-wide lists.</param>
/// <param name="Name">The object name; null for collections.</param>
public sealed record ApiPath(ResourceKind Kind, string? Namespace, string? Name)
{
    /// <summary>Parses <c>/api/v1/...</c> and <c>/apis/{group}/{version}/...</c>; null when not served.</summary>
    public static ApiPath? Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        string[] rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = (string.Empty, segments[1], segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        return rest switch
        {
            [var plural] => Make(group, version, plural, null, null, clusterScoped: null),
            [var plural, var name] => Make(group, version, plural, null, name, clusterScoped: true),
            ["namespaces", var ns, var plural] => Make(group, version, plural, ns, null, clusterScoped: false),
            ["namespaces", var ns, var plural, var name] => Make(group, version, plural, ns, name, clusterScoped: false),
            _ => null,
        };
    }

    private static ApiPath? Make(string group, string version, string plural, string? ns, string? name, bool? clusterScoped)
    {
        var kind = ResourceKinds.FindByPath(group, version, plural);
        if (kind is null)
        {
            return null;
        }

        // A named object without a namespace segment must be cluster-scoped, and vice versa.
        if ((clusterScoped == true && kind.Namespaced) || (clusterScoped == false && !kind.Namespaced))
        {
            return null;
        }

        return new ApiPath(kind, ns, name);
    }
}
