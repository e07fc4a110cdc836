using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

internal static class AwsAuth
{
    public const string MapRoles = "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n    - system:bootstrappers\n    - system:nodes\n";

    public static V1ConfigMap Seed(TestCluster cluster)
    {
        cluster.SeedNamespace("kube-system");
        cluster.State.Add(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "aws-auth", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string> { ["mapRoles"] = MapRoles },
        });
        return cluster.State.Get<V1ConfigMap>("kube-system", "aws-auth")!;
    }
}
