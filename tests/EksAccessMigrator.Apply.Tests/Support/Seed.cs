using System.Text.Json;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>The test cluster and its account: aws-auth rows, kube2iam and IRSA workloads, the app roles' trust policies.</summary>
internal static class Seed
{
    public const string Account = "123456789012";
    public const string Region = "us-west-2";
    public const string Cluster = "shop-prod";

    /// <summary>
    /// The uid of the cluster's kube-system namespace. Fixed, because the worlds a test compares (an interrupted and
    /// an uninterrupted apply) stand for the same cluster: a plan records the uid, and the plan's hash reaches the
    /// ownership tags apply writes.
    /// </summary>
    public const string KubeSystemUid = "0f6d3a52-7c1e-4b8a-9d2f-5e4c3b2a1f00";
    public const string InitialTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    public const string Kube2IamAnnotation = "iam.amazonaws.com/role";
    public const string IrsaAnnotation = "eks.amazonaws.com/role-arn";

    public static readonly string[] PrincipalRoles = ["admin", "viewer", "node", "dev", "auditor"];
    public static readonly string[] AppRoles = ["app-cart", "app-web", "app-billing"];

    public static IEnumerable<string> AllRoles => PrincipalRoles.Concat(AppRoles);

    /// <summary>Rule N2: the node role's inline policies; finalize deletes the first and rewrites the second without its assume statement.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> NodeInlinePolicies =
    [
        new("kube2iam", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"),
        new("node-extras", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"),
    ];

    /// <summary>The kube2iam agent the annotated workloads use (rule N2 removes its node-role permission only when it is known to be in use).</summary>
    public const string Kube2iamDaemonSetJson = "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"kube2iam\",\"namespace\":\"kube-system\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"kube2iam\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"kube2iam\"}},\"spec\":{\"hostNetwork\":true,\"containers\":[{\"name\":\"kube2iam\",\"image\":\"jtblin/kube2iam:0.11.2\",\"args\":[\"--base-role-arn=arn:aws:iam::123456789012:role/\"]}]}}}}";

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    /// <summary>The trust policy an app role starts with: EC2, and for the IRSA role its OIDC statement too (removed in finalize, rule R2).</summary>
    public static string InitialTrustOf(string role) => role != "app-billing" ? InitialTrust : JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new object[]
        {
            JsonSerializer.Deserialize<JsonElement>(InitialTrust).GetProperty("Statement")[0],
            new Dictionary<string, object>
            {
                ["Effect"] = "Allow",
                ["Principal"] = new { Federated = $"arn:aws:iam::{Account}:oidc-provider/oidc.eks.{Region}.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" },
                ["Action"] = "sts:AssumeRoleWithWebIdentity",
                ["Condition"] = new
                {
                    StringEquals = new Dictionary<string, string>
                    {
                        [$"oidc.eks.{Region}.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub"] = "system:serviceaccount:billing:api",
                    },
                },
            },
        },
    });

    public static string AwsAuthMapRoles => """
        - rolearn: arn:aws:iam::123456789012:role/node
          username: system:node:{{EC2PrivateDNSName}}
          groups: [system:bootstrappers, system:nodes]
        - rolearn: arn:aws:iam::123456789012:role/admin
          username: admin
          groups: [system:masters, platform]
        - rolearn: arn:aws:iam::123456789012:role/dev
          username: dev
          groups: [developers]
        - rolearn: arn:aws:iam::123456789012:role/viewer
          username: viewer
          groups: [viewers]

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

    /// <summary>A Deployment; a null <paramref name="serviceAccount"/> leaves <c>serviceAccountName</c> out (the pods run as <c>default</c>).</summary>
    public static string DeploymentJson(string ns, string name, string? serviceAccount, IReadOnlyDictionary<string, string>? annotations)
    {
        var podSpec = new Dictionary<string, object> { ["containers"] = new[] { new { name = "main", image = "registry.example/app:1" } } };
        if (serviceAccount is not null)
        {
            podSpec["serviceAccountName"] = serviceAccount;
        }

        return JsonSerializer.Serialize(new
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
                    spec = podSpec,
                },
            },
        });
    }
}
