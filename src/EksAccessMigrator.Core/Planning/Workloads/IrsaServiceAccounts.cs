using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>Rules R1 and R4: IRSA ServiceAccounts (opt-in) become association requests; add-on ServiceAccounts are left to their add-on.</summary>
internal static class IrsaServiceAccounts
{
    public const string RoleArnKey = "eks.amazonaws.com/role-arn";

    /// <summary>kube-system ServiceAccounts that EKS add-ons create and manage.</summary>
    private static readonly HashSet<string> AddonServiceAccounts =
    [
        "aws-node", "ebs-csi-controller-sa", "ebs-csi-node-sa", "efs-csi-controller-sa", "efs-csi-node-sa",
        "s3-csi-driver-sa", "fsx-csi-controller-sa", "eks-pod-identity-agent", "adot-collector", "cloudwatch-agent",
    ];

    public static bool IsAddonManaged(ServiceAccountInfo sa) =>
        (sa.Labels.TryGetValue("app.kubernetes.io/managed-by", out var by) && by == "EKS")
        || (sa.Namespace is "kube-system" or "amazon-cloudwatch" && AddonServiceAccounts.Contains(sa.Name));

    public static List<AssociationRequest> Requests(ClusterInventory inventory, bool include, List<AssessedWorkload> assessed, FindingList findings, List<string> read)
    {
        var requests = new List<AssociationRequest>();
        var irsa = inventory.Workloads.ServiceAccounts
            .Where(s => s.Annotations.ContainsKey(RoleArnKey))
            .OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        if (!include)
        {
            if (irsa.Count > 0)
            {
                findings.Add(IrsaFindings.IrsaLeftAlone([.. irsa.Select(s => $"{s.Namespace}/{s.Name}")]));
            }

            return requests;
        }

        foreach (var sa in irsa)
        {
            var key = $"{sa.Namespace}/ServiceAccount/{sa.Name}";
            read.Add(key);
            var value = sa.Annotations[RoleArnKey].Trim();
            if (IsAddonManaged(sa))
            {
                findings.Add(IrsaFindings.AddonOwned(key));
                continue;
            }

            if (RoleResolver.IsUnrendered(value))
            {
                findings.Add(IrsaFindings.RoleUnrendered(key, value));
                continue;
            }

            if (!IamPrincipalArn.TryParse(value, out var arn, out var error) || arn.Kind != IamPrincipalKind.Role)
            {
                findings.Add(IrsaFindings.NotARoleArn(key, value, error));
                continue;
            }

            var verified = RoleResolver.Verify(arn, inventory.Iam, inventory.Workloads.TrustPolicies);
            if (verified.Arn is null)
            {
                findings.Add(IrsaFindings.RoleNotVerified(key, arn, verified.Problem!));
                continue;
            }

            if (verified.Arn.AccountId != inventory.Cluster.AccountId)
            {
                findings.Add(IrsaFindings.RoleInOtherAccount(key, verified.Arn, inventory.Cluster.AccountId));
                continue;
            }

            var runners = assessed.Where(a => a.Workload.Namespace == sa.Namespace && a.Workload.EffectiveServiceAccount == sa.Name).ToImmutableArray();
            var windows = runners
                .Where(a => a.Workload.SelectsWindows || (inventory.Workloads.FargateProfiles?.Any(p => p.Matches(a.Workload.Namespace, a.Workload.PodLabels)) ?? false))
                .Select(a => a.Workload.Key).ToList();
            if (windows.Count > 0)
            {
                findings.Add(IrsaFindings.OnUnsupportedCompute(key, windows));
                continue;
            }

            requests.Add(new AssociationRequest(sa.Namespace, sa.Name, verified.Arn, runners, [key], Dedicated: false, Irsa: true));
        }

        return requests;
    }
}
