namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>The request URIs of the supported operations, as written in the EKS service model.</summary>
internal static class RouteTable
{
    private const string Entry = "/clusters/{name}/access-entries/{principalArn}";
    private const string Pia = "/clusters/{name}/pod-identity-associations";

    public static IReadOnlyList<Route> All { get; } =
    [
        new("ListAccessPolicies", "GET", "/access-policies"),
        new("DescribeCluster", "GET", "/clusters/{name}"),
        new("UpdateClusterConfig", "POST", "/clusters/{name}/update-config"),
        new("DescribeUpdate", "GET", "/clusters/{name}/updates/{updateId}"),
        new("CreateAccessEntry", "POST", "/clusters/{name}/access-entries"),
        new("ListAccessEntries", "GET", "/clusters/{name}/access-entries"),
        new("DescribeAccessEntry", "GET", Entry),
        new("UpdateAccessEntry", "POST", Entry),
        new("DeleteAccessEntry", "DELETE", Entry),
        new("AssociateAccessPolicy", "POST", Entry + "/access-policies"),
        new("ListAssociatedAccessPolicies", "GET", Entry + "/access-policies"),
        new("DisassociateAccessPolicy", "DELETE", Entry + "/access-policies/{policyArn}"),
        new("CreatePodIdentityAssociation", "POST", Pia),
        new("ListPodIdentityAssociations", "GET", Pia),
        new("DescribePodIdentityAssociation", "GET", Pia + "/{associationId}"),
        new("UpdatePodIdentityAssociation", "POST", Pia + "/{associationId}"),
        new("DeletePodIdentityAssociation", "DELETE", Pia + "/{associationId}"),
        new("ListAddons", "GET", "/clusters/{name}/addons"),
        new("CreateAddon", "POST", "/clusters/{name}/addons"),
        new("DescribeAddon", "GET", "/clusters/{name}/addons/{addonName}"),
        new("DeleteAddon", "DELETE", "/clusters/{name}/addons/{addonName}"),
        new("ListNodegroups", "GET", "/clusters/{name}/node-groups"),
        new("DescribeNodegroup", "GET", "/clusters/{name}/node-groups/{nodegroupName}"),
        new("ListFargateProfiles", "GET", "/clusters/{name}/fargate-profiles"),
        new("DescribeFargateProfile", "GET", "/clusters/{name}/fargate-profiles/{fargateProfileName}"),
    ];

    public static Route? Match(string method, string rawPath, out Dictionary<string, string> values)
    {
        var rawSegments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in All)
        {
            if (route.TryMatch(method, rawSegments, out values))
            {
                return route;
            }
        }

        values = new Dictionary<string, string>(StringComparer.Ordinal);
        return null;
    }
}
