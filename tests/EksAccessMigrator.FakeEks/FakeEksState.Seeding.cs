using EksAccessMigrator.FakeEks.Model;

namespace EksAccessMigrator.FakeEks;

/// <summary>Seeding: resources that exist before the client under test runs.</summary>
public sealed partial class FakeEksState
{
    /// <summary>
    /// Records who created the cluster. With <paramref name="bootstrapClusterCreatorAdminPermissions"/>, EKS gives the
    /// creator a STANDARD entry with AmazonEKSClusterAdminPolicy as soon as access entries are enabled.
    /// </summary>
    public FakeEksState SetClusterCreator(string cluster, string creatorArn, bool bootstrapClusterCreatorAdminPermissions = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorArn);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            state.CreatorArn = creatorArn;
            state.BootstrapClusterCreatorAdminPermissions = bootstrapClusterCreatorAdminPermissions;
            CreateEksManagedEntries(state);
        }

        return this;
    }

    /// <summary>Adds a managed node group; with access entries enabled EKS also creates its node role's entry.</summary>
    public FakeEksState AddNodegroup(string cluster, string name, string nodeRoleArn, string amiType = "AL2023_x86_64_STANDARD")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(nodeRoleArn);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            var arn = $"arn:aws:eks:{state.Region}:{state.AccountId}:nodegroup/{state.Name}/{name}/{NewUuid()}";
            if (!state.Nodegroups.TryAdd(name, new NodegroupState(name, arn, nodeRoleArn, amiType, Now)))
            {
                throw new InvalidOperationException($"Node group '{name}' already exists.");
            }

            CreateEksManagedEntries(state);
        }

        return this;
    }

    /// <summary>Adds a Fargate profile; with access entries enabled EKS also creates its pod execution role's entry.</summary>
    public FakeEksState AddFargateProfile(string cluster, string name, string podExecutionRoleArn, params FargateSelector[] selectors)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(podExecutionRoleArn);
        ArgumentNullException.ThrowIfNull(selectors);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            var arn = $"arn:aws:eks:{state.Region}:{state.AccountId}:fargateprofile/{state.Name}/{name}/{NewUuid()}";
            if (!state.FargateProfiles.TryAdd(name, new FargateProfileState(name, arn, podExecutionRoleArn, selectors.ToList(), Now)))
            {
                throw new InvalidOperationException($"Fargate profile '{name}' already exists.");
            }

            CreateEksManagedEntries(state);
        }

        return this;
    }

    /// <summary>Adds an installed add-on, e.g. <c>eks-pod-identity-agent</c> or <c>vpc-cni</c>.</summary>
    public FakeEksState AddAddon(string cluster, string name, string version = "v1.3.4-eksbuild.1", string? serviceAccountRoleArn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            var arn = $"arn:aws:eks:{state.Region}:{state.AccountId}:addon/{state.Name}/{name}/{NewUuid()}";
            if (!state.Addons.TryAdd(name, new AddonState(name, arn, version, Now) { ServiceAccountRoleArn = serviceAccountRoleArn }))
            {
                throw new InvalidOperationException($"Add-on '{name}' already exists.");
            }
        }

        return this;
    }

    /// <summary>Adds a pre-existing access entry (no API validation). The cluster must have access entries enabled.</summary>
    public FakeEksState AddAccessEntry(string cluster, string principalArn, string type = "STANDARD", string? username = null, IEnumerable<string>? kubernetesGroups = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(principalArn);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            if (!state.AccessEntriesEnabled)
            {
                throw new InvalidOperationException("A CONFIG_MAP cluster cannot have access entries.");
            }

            if (state.AccessEntries.ContainsKey(principalArn))
            {
                throw new InvalidOperationException($"Access entry '{principalArn}' already exists.");
            }

            CreateEntryUnchecked(state, principalArn, type, username, kubernetesGroups);
        }

        return this;
    }

    /// <summary>Associates an access policy with an existing entry: cluster scope, or namespace scope when namespaces are given.</summary>
    public FakeEksState AssociateAccessPolicy(string cluster, string principalArn, string policyArn, IEnumerable<string>? namespaces = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyArn);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            if (!state.AccessEntries.TryGetValue(principalArn, out var entry))
            {
                throw new InvalidOperationException($"Access entry '{principalArn}' was not seeded.");
            }

            var list = namespaces?.ToList();
            entry.Policies[policyArn] = new PolicyAssociationState(policyArn, Now)
            {
                ScopeType = list is null ? "cluster" : "namespace",
                Namespaces = list ?? [],
            };
        }

        return this;
    }

    /// <summary>Adds a pre-existing Pod Identity association and returns its association id.</summary>
    public string AddPodIdentityAssociation(string cluster, string @namespace, string serviceAccount, string roleArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(serviceAccount);
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        lock (Gate)
        {
            var state = RequireCluster(cluster);
            var association = NewPodIdentity(state, @namespace, serviceAccount, roleArn);
            return association.Id;
        }
    }

    /// <summary>The cluster's current authentication mode.</summary>
    public string AuthenticationModeOf(string cluster)
    {
        lock (Gate)
        {
            return RequireCluster(cluster).AuthenticationMode;
        }
    }

    /// <summary>Principal ARNs of the cluster's access entries, sorted ordinally.</summary>
    public IReadOnlyList<string> AccessEntryPrincipals(string cluster)
    {
        lock (Gate)
        {
            return RequireCluster(cluster).AccessEntries.Keys.ToList();
        }
    }

    /// <summary>Creates and stores a Pod Identity association. Caller holds the lock.</summary>
    internal PodIdentityState NewPodIdentity(ClusterState cluster, string @namespace, string serviceAccount, string roleArn)
    {
        var id = NewAssociationId();
        var arn = $"arn:aws:eks:{cluster.Region}:{cluster.AccountId}:podidentityassociation/{cluster.Name}/{id}";
        var association = new PodIdentityState(id, arn, @namespace, serviceAccount, Now) { RoleArn = roleArn };
        cluster.PodIdentityAssociations[id] = association;
        return association;
    }
}
