using System.Text.Json;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>The test cluster, its account and what the migration wants (see <see cref="WorldPlanner"/>).</summary>
internal static class Seed
{
    public const string Account = "123456789012";
    public const string Region = "us-west-2";
    public const string Cluster = "shop-prod";
    public const string InitialTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    public const string Kube2IamAnnotation = "iam.amazonaws.com/role";
    public const string IrsaAnnotation = "eks.amazonaws.com/role-arn";

    public static readonly string[] PrincipalRoles = ["admin", "viewer", "node", "dev", "auditor"];
    public static readonly string[] AppRoles = ["app-cart", "app-web", "app-billing"];

    public static IEnumerable<string> AllRoles => PrincipalRoles.Concat(AppRoles);

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    public static string AwsAuthMapRoles => """
        - rolearn: arn:aws:iam::123456789012:role/node
          username: system:node:{{EC2PrivateDNSName}}
          groups: [system:bootstrappers, system:nodes]
        - rolearn: arn:aws:iam::123456789012:role/admin
          username: admin
          groups: [system:masters, platform]

        """;

    public static string ConfigMapJson() => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "ConfigMap",
        metadata = new { name = "aws-auth", @namespace = "kube-system" },
        data = new Dictionary<string, string> { ["mapRoles"] = AwsAuthMapRoles },
    });

    public static string ServiceAccountJson(string ns, string name, IReadOnlyDictionary<string, string>? annotations = null, bool withPullSecret = false) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new { name, @namespace = ns, annotations },
        ["imagePullSecrets"] = withPullSecret ? new[] { new { name = "regcred" } } : null,
        ["automountServiceAccountToken"] = withPullSecret ? false : (bool?)null,
    });

    public static string DeploymentJson(string ns, string name, string serviceAccount, IReadOnlyDictionary<string, string>? annotations) => JsonSerializer.Serialize(new
    {
        apiVersion = "apps/v1",
        kind = "Deployment",
        metadata = new { name, @namespace = ns },
        spec = new
        {
            replicas = 2,
            selector = new { matchLabels = new Dictionary<string, string> { ["app"] = name } },
            template = new
            {
                metadata = new { labels = new Dictionary<string, string> { ["app"] = name }, annotations },
                spec = new { serviceAccountName = serviceAccount, containers = new[] { new { name = "main", image = "registry.example/app:1" } } },
            },
        },
    });

    public static string TrustStatement(string ns, string serviceAccount) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Sid"] = $"EksPodIdentity{Pascal(ns)}{Pascal(serviceAccount)}",
        ["Effect"] = "Allow",
        ["Principal"] = new { Service = "pods.eks.amazonaws.com" },
        ["Action"] = new[] { "sts:AssumeRole", "sts:TagSession" },
        ["Condition"] = new
        {
            StringEquals = new Dictionary<string, string>
            {
                ["aws:RequestTag/eks-cluster-arn"] = $"arn:aws:eks:{Region}:{Account}:cluster/{Cluster}",
                ["aws:RequestTag/kubernetes-namespace"] = ns,
                ["aws:RequestTag/kubernetes-service-account"] = serviceAccount,
            },
        },
    });

    private static string Pascal(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
