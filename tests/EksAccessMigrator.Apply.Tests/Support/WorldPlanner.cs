using System.Collections.Immutable;
using System.Text.Json;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Plans;
using k8s.Models;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>
/// The caller's re-derivation for these tests: what the migration wants for <see cref="Seed"/>'s cluster, minus
/// what the live state (read through the real clients) already satisfies. 24 changes on a fresh world, covering
/// every change kind.
/// </summary>
internal sealed class WorldPlanner(World world)
{
    private static readonly (string Principal, string Type, string? Username, string[] Groups)[] Entries =
    [
        ("admin", "STANDARD", "admin", ["platform"]),
        ("dev", "STANDARD", "dev", ["developers"]),
        ("node", "EC2_LINUX", null, []),
        ("viewer", "STANDARD", "viewer", ["viewers"]),
    ];

    private static readonly (string Principal, string Policy, string[] Namespaces)[] Policies =
    [
        ("admin", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", []),
        ("dev", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", ["shop"]),
        ("viewer", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", ["billing", "shop"]),
    ];

    private static readonly (string Namespace, string ServiceAccount, string Role)[] Associations =
    [
        ("billing", "api", "app-billing"),
        ("shop", "cart", "app-cart"),
        ("shop", "web", "app-web"),
    ];

    public async Task<MigrationPlan> PlanAsync(CancellationToken ct)
    {
        var eks = world.EksClient;
        var changes = new List<PlanChange>();
        var cluster = await eks.DescribeClusterAsync(Seed.Cluster, ct);
        var mode = cluster.AccessConfig?.AuthenticationMode ?? "CONFIG_MAP";
        if (mode == "CONFIG_MAP")
        {
            changes.Add(new UpdateClusterConfigChange { Address = "cluster/authentication-mode", AuthenticationMode = "API_AND_CONFIG_MAP", Reversible = false, Sources = ["aws-auth"] });
        }

        foreach (var (principal, type, username, groups) in Entries)
        {
            var arn = Seed.RoleArn(principal);
            var existing = mode == "CONFIG_MAP" ? null : await EntryAsync(arn, ct);
            if (existing is null)
            {
                changes.Add(new CreateAccessEntryChange { Address = "access-entry/" + arn, PrincipalArn = arn, Type = type, Username = username, KubernetesGroups = [.. groups], Reversible = true, Sources = ["aws-auth/mapRoles"] });
            }
            else if (existing.Username != username || !(existing.KubernetesGroups ?? []).Order().SequenceEqual(groups))
            {
                changes.Add(new UpdateAccessEntryChange { Address = "access-entry/" + arn, PrincipalArn = arn, Username = username, KubernetesGroups = [.. groups], PreviousUsername = existing.Username, PreviousKubernetesGroups = [.. existing.KubernetesGroups ?? []], Reversible = true, Sources = ["aws-auth/mapRoles"] });
            }
        }

        foreach (var (principal, policy, namespaces) in Policies)
        {
            var arn = Seed.RoleArn(principal);
            if (mode == "CONFIG_MAP" || !await HasPolicyAsync(arn, policy, ct))
            {
                var scope = namespaces.Length == 0 ? AccessScope.Cluster : new AccessScope(AccessScope.NamespaceType, [.. namespaces]);
                changes.Add(new AssociateAccessPolicyChange { Address = $"access-policy/{arn}/{policy}", PrincipalArn = arn, PolicyArn = policy, AccessScope = scope, Reversible = true, Sources = ["aws-auth/mapRoles"] });
            }
        }

        if (!await HasAddonAsync(ct))
        {
            changes.Add(new CreateAddonChange { Address = "addon/eks-pod-identity-agent", AddonName = CreateAddonChange.PodIdentityAgent, Reversible = true, Sources = ["pod-identity"] });
        }

        foreach (var (ns, account, role) in Associations)
        {
            var document = (await world.IamClient.GetRoleAsync(role, ct)).AssumeRolePolicyDocument ?? string.Empty;
            if (!document.Contains($"EksPodIdentity{char.ToUpperInvariant(ns[0])}{ns[1..]}", StringComparison.Ordinal))
            {
                using var statement = JsonDocument.Parse(Seed.TrustStatement(ns, account));
                changes.Add(new UpdateAssumeRolePolicyChange { Address = "trust-policy/" + Seed.RoleArn(role), RoleArn = Seed.RoleArn(role), StatementsAdded = [statement.RootElement.Clone()], StatementsRemoved = [], Reversible = true, Sources = [$"{ns}/{account}"] });
            }

            if (!await HasAssociationAsync(ns, account, ct))
            {
                changes.Add(new CreatePodIdentityAssociationChange { Address = $"pod-identity-association/{ns}/{account}", Namespace = ns, ServiceAccount = account, RoleArn = Seed.RoleArn(role), Reversible = true, Sources = [$"{ns}/{account}"] });
            }
        }

        var reader = world.Connection.CreateReader();
        var accounts = new List<V1ServiceAccount>();
        await foreach (var sa in reader.ListServiceAccountsAsync(ct))
        {
            accounts.Add(sa);
        }

        var deployments = new List<V1Deployment>();
        await foreach (var d in reader.ListDeploymentsAsync(ct))
        {
            deployments.Add(d);
        }

        foreach (var name in new[] { "cart", "web" })
        {
            if (!accounts.Any(a => a.Metadata.NamespaceProperty == "shop" && a.Metadata.Name == name))
            {
                changes.Add(new CreateServiceAccountChange { Address = $"service-account/shop/{name}", Namespace = "shop", Name = name, CopiedFrom = "shared", ImagePullSecrets = ["regcred"], AutomountServiceAccountToken = false, ForWorkload = $"shop/Deployment/{name}", Reversible = true, Sources = [$"shop/Deployment/{name}"] });
            }

            var deployment = deployments.Single(d => d.Metadata.NamespaceProperty == "shop" && d.Metadata.Name == name);
            if (deployment.Spec.Template.Spec.ServiceAccountName != name)
            {
                changes.Add(new PatchWorkloadChange { Address = $"workload/shop/Deployment/{name}", Kind = "Deployment", Namespace = "shop", Name = name, ServiceAccountName = name, PreviousServiceAccountName = deployment.Spec.Template.Spec.ServiceAccountName, Reversible = true, Sources = [$"shop/Deployment/{name}"] });
            }

            changes.Add(new RestartWorkloadChange { Address = $"restart/shop/Deployment/{name}", Kind = "Deployment", Namespace = "shop", Name = name, Reversible = true, Sources = [$"shop/Deployment/{name}"] });
        }

        var web = deployments.Single(d => d.Metadata.NamespaceProperty == "shop" && d.Metadata.Name == "web");
        if (web.Spec.Template.Metadata.Annotations?.TryGetValue(Seed.Kube2IamAnnotation, out var value) == true)
        {
            changes.Add(new PatchWorkloadChange { Address = "workload-annotations/shop/Deployment/web", Kind = "Deployment", Namespace = "shop", Name = "web", RemoveAnnotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(Seed.Kube2IamAnnotation, value)]), Reversible = true, Sources = ["shop/Deployment/web"] });
        }

        var api = accounts.Single(a => a.Metadata.NamespaceProperty == "billing" && a.Metadata.Name == "api");
        if (api.Metadata.Annotations?.TryGetValue(Seed.IrsaAnnotation, out var irsa) == true)
        {
            changes.Add(new PatchServiceAccountChange { Address = "service-account-annotations/billing/api", Namespace = "billing", Name = "api", RemoveAnnotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(Seed.IrsaAnnotation, irsa)]), Reversible = true, Sources = ["billing/api"] });
        }

        changes.Add(new RestartWorkloadChange { Address = "restart/billing/Deployment/api", Kind = "Deployment", Namespace = "billing", Name = "api", AfterAnnotationRemovals = true, Reversible = true, Sources = ["billing/api"] });
        if (mode != "API")
        {
            changes.Add(new UpdateClusterConfigChange { Address = "cluster/authentication-mode-api", AuthenticationMode = "API", BackupAwsAuth = true, Reversible = false, Sources = ["finalize"] });
        }

        ImmutableArray<PlanChange> sorted = [.. changes.OrderBy(c => c.Address, StringComparer.Ordinal)];
        return new MigrationPlan
        {
            FormatVersion = MigrationPlan.CurrentFormatVersion,
            ToolVersion = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Phase = "migrate",
            Options = PlanOptionsRecord.From(new Core.Planning.PlannerOptions()),
            Cluster = world.Identity(new PlanCluster(Seed.Cluster, Seed.Region, Seed.Account, "aws", mode)),
            Summary = PlanSummary.Of(sorted, [], []),
            Changes = sorted,
            NoOps = [],
            Findings = [],
        };
    }

    private async Task<EksAccessEntry?> EntryAsync(string arn, CancellationToken ct)
    {
        try
        {
            return await world.EksClient.DescribeAccessEntryAsync(Seed.Cluster, arn, ct);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task<bool> HasPolicyAsync(string arn, string policy, CancellationToken ct)
    {
        try
        {
            await foreach (var p in world.EksClient.ListAssociatedAccessPoliciesAsync(Seed.Cluster, arn, ct))
            {
                if (p.PolicyArn == policy)
                {
                    return true;
                }
            }
        }
        catch (AwsResourceNotFoundException)
        {
        }

        return false;
    }

    private async Task<bool> HasAddonAsync(CancellationToken ct)
    {
        try
        {
            await world.EksClient.DescribeAddonAsync(Seed.Cluster, CreateAddonChange.PodIdentityAgent, ct);
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }

    private async Task<bool> HasAssociationAsync(string ns, string account, CancellationToken ct)
    {
        await foreach (var _ in world.EksClient.ListPodIdentityAssociationsAsync(Seed.Cluster, ns, account, ct))
        {
            return true;
        }

        return false;
    }
}
