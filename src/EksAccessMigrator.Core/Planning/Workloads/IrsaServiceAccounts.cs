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
                findings.Info(FindingCodes.IrsaNotIncluded, "irsa",
                    $"{irsa.Count} ServiceAccount(s) use IRSA ({string.Join(", ", irsa.Take(10).Select(s => $"{s.Namespace}/{s.Name}"))}{(irsa.Count > 10 ? ", ..." : string.Empty)}). IRSA keeps working; add --include-irsa to plan their move to Pod Identity too.");
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
                findings.Info(FindingCodes.AddonServiceAccount, key,
                    $"{key} belongs to an EKS add-on; move it to Pod Identity through the add-on's own podIdentityAssociations setting (aws eks update-addon), not by hand. Nothing is planned for it.",
                    key);
                continue;
            }

            if (RoleResolver.IsUnrendered(value))
            {
                findings.Blocker(FindingCodes.RoleUnresolved, key, $"{key}: the IRSA role '{value}' is an unrendered template or variable. Render the manifest or export it from the cluster, then plan again.", key);
                continue;
            }

            if (!IamPrincipalArn.TryParse(value, out var arn, out var error) || arn.Kind != IamPrincipalKind.Role)
            {
                findings.Blocker(FindingCodes.PrincipalArnInvalid, key, $"{key}: '{value}' is not an IAM role ARN ({error ?? "it names a user"}). IRSA cannot have worked with it; fix or remove the annotation.", key);
                continue;
            }

            var verified = RoleResolver.Verify(arn, inventory.Iam, inventory.Workloads.TrustPolicies);
            if (verified.Arn is null)
            {
                findings.Blocker(verified.Code!, key, $"{key} uses {arn}, but {verified.Problem}. It stays on IRSA.", key);
                continue;
            }

            if (verified.Arn.AccountId != inventory.Cluster.AccountId)
            {
                findings.Blocker(FindingCodes.CrossAccountRole, key,
                    $"{key} uses {verified.Arn} of account {verified.Arn.AccountId}; a Pod Identity association's role must be in the cluster's account {inventory.Cluster.AccountId}. It stays on IRSA. Create a role in {inventory.Cluster.AccountId} that may assume it and associate that with targetRoleArn.",
                    key);
                continue;
            }

            var runners = assessed.Where(a => a.Workload.Namespace == sa.Namespace && a.Workload.EffectiveServiceAccount == sa.Name).ToImmutableArray();
            var windows = runners
                .Where(a => a.Workload.SelectsWindows || (inventory.Workloads.FargateProfiles?.Any(p => p.Matches(a.Workload.Namespace, a.Workload.PodLabels)) ?? false))
                .Select(a => a.Workload.Key).ToList();
            if (windows.Count > 0)
            {
                findings.Blocker(FindingCodes.PodIdentityUnsupportedCompute, key,
                    $"{key} is used by workloads on Windows nodes or Fargate ({string.Join(", ", windows)}); {WorkloadAssessor.SupportedCompute} It stays on IRSA.",
                    key);
                continue;
            }

            requests.Add(new AssociationRequest(sa.Namespace, sa.Name, verified.Arn, runners, [key], Dedicated: false, Irsa: true));
        }

        return requests;
    }
}
