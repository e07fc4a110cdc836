using System.Diagnostics.CodeAnalysis;
using EksAccessMigrator.FakeEks.Model;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks;

/// <summary>
/// The fake's whole state: clusters and everything in them. Seed it before (or while) the client runs,
/// inspect it afterwards. All members are thread-safe (one lock guards everything).
/// </summary>
public sealed partial class FakeEksState
{
    private readonly SortedDictionary<string, ClusterState> clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fingerprint, ApiResponse Response)> idempotency = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly Random random;

    internal FakeEksState(FakeEksOptions options)
    {
        timeProvider = options.TimeProvider;
        random = new Random(options.Seed);
        UpdatePollsUntilComplete = options.UpdatePollsUntilComplete;
    }

    internal Lock Gate { get; } = new();

    internal int UpdatePollsUntilComplete { get; }

    internal DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Adds a cluster; <paramref name="authenticationMode"/> is CONFIG_MAP, API_AND_CONFIG_MAP or API.</summary>
    public FakeEksState AddCluster(string name, string accountId, string region, string authenticationMode = "CONFIG_MAP")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (!AuthenticationModes.IsValid(authenticationMode))
        {
            throw new ArgumentException($"Unknown authentication mode '{authenticationMode}'.", nameof(authenticationMode));
        }

        lock (Gate)
        {
            if (!clusters.TryAdd(name, new ClusterState(name, accountId, region, authenticationMode, Now)))
            {
                throw new InvalidOperationException($"Cluster '{name}' already exists.");
            }
        }

        return this;
    }

    internal bool TryGetCluster(string name, [NotNullWhen(true)] out ClusterState? cluster) =>
        clusters.TryGetValue(name, out cluster);

    internal string NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }

    internal string NewAssociationId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> chars = stackalloc char[17];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return "a-" + new string(chars);
    }

    internal bool TryGetIdempotent(string key, string fingerprint, out ApiResponse? response)
    {
        response = null;
        if (!idempotency.TryGetValue(key, out var cached))
        {
            return false;
        }

        response = string.Equals(cached.Fingerprint, fingerprint, StringComparison.Ordinal)
            ? cached.Response
            : EksErrors.InvalidParameter("The client request token was already used with different request parameters.");
        return true;
    }

    internal void RememberIdempotent(string key, string fingerprint, ApiResponse response) =>
        idempotency[key] = (fingerprint, response);

    /// <summary>Creates an entry without API validation (seeding and EKS's own entries). Caller holds the lock.</summary>
    internal AccessEntryState CreateEntryUnchecked(ClusterState cluster, string principalArn, string type, string? username, IEnumerable<string>? groups)
    {
        var arn = PrincipalArn.Parse(principalArn);
        var resource = arn is null ? "unknown" : $"{arn.Kind}/{arn.AccountId}/{arn.Name}";
        var entryArn = $"arn:aws:eks:{cluster.Region}:{cluster.AccountId}:access-entry/{cluster.Name}/{resource}/{NewUuid()}";
        var entry = new AccessEntryState(principalArn, type, entryArn, Now)
        {
            Username = username ?? AccessEntryDefaults.Username(principalArn, type),
            KubernetesGroups = groups?.ToList() ?? AccessEntryDefaults.Groups(type),
        };
        cluster.AccessEntries[principalArn] = entry;
        return entry;
    }

    /// <summary>What EKS does when access entries become available. Caller holds the lock.</summary>
    internal void CreateEksManagedEntries(ClusterState cluster)
    {
        if (!cluster.AccessEntriesEnabled)
        {
            return;
        }

        foreach (var nodegroup in cluster.Nodegroups.Values)
        {
            if (!cluster.AccessEntries.ContainsKey(nodegroup.NodeRole))
            {
                CreateEntryUnchecked(cluster, nodegroup.NodeRole, nodegroup.IsWindows ? "EC2_WINDOWS" : "EC2_LINUX", null, null);
            }
        }

        foreach (var profile in cluster.FargateProfiles.Values)
        {
            if (!cluster.AccessEntries.ContainsKey(profile.PodExecutionRoleArn))
            {
                CreateEntryUnchecked(cluster, profile.PodExecutionRoleArn, "FARGATE_LINUX", null, null);
            }
        }

        if (cluster.BootstrapClusterCreatorAdminPermissions && cluster.CreatorArn is { } creator && !cluster.AccessEntries.ContainsKey(creator))
        {
            var entry = CreateEntryUnchecked(cluster, creator, AccessEntryDefaults.Standard, null, null);
            entry.Policies[AccessPolicyCatalog.ClusterAdmin] = new PolicyAssociationState(AccessPolicyCatalog.ClusterAdmin, Now);
        }
    }

    private ClusterState RequireCluster(string name) =>
        clusters.TryGetValue(name, out var cluster) ? cluster : throw new InvalidOperationException($"Cluster '{name}' was not seeded.");
}
