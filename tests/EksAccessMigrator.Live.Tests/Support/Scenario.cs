using System.Text.Json;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// One cluster and its account, written once and used for both sides of the comparison: moto holds the IAM
/// principals, the fakes hold the cluster, and <see cref="ExportYaml"/>/<see cref="IamSnapshotJson"/> are what an
/// export of the same cluster and account looks like.
/// </summary>
internal static class Scenario
{
    public const string Account = "123456789012";
    public const string OtherAccount = "210987654321";
    public const string ClusterName = "payments";
    public const string Region = "us-west-2";

    /// <summary>What moto's STS reports for any credentials.</summary>
    public const string MotoCallerArn = "arn:aws:sts::123456789012:user/moto";

    public const string NodeRoleArn = "arn:aws:iam::123456789012:role/eks-node-role";
    public const string AdminRoleArn = "arn:aws:iam::123456789012:role/teams/platform/platform-admin";
    public const string DevelopersRoleArn = "arn:aws:iam::123456789012:role/developers";
    public const string CreatorRoleArn = "arn:aws:iam::123456789012:role/cluster-creator";
    public const string BobArn = "arn:aws:iam::123456789012:user/bob";

    public const string TrustPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /// <summary>Roles of the account: (name, path). Enough of them that listing takes several pages.</summary>
    public static IReadOnlyList<(string Name, string Path)> Roles { get; } =
    [
        ("eks-node-role", "/"),
        ("platform-admin", "/teams/platform/"),
        ("developers", "/"),
        ("cluster-creator", "/"),
        ("AWSReservedSSO_ReadOnly_0123456789abcdef", "/aws-reserved/sso.amazonaws.com/"),
        .. Enumerable.Range(0, 12).Select(i => ($"app-{i:00}", "/apps/")),
    ];

    public static IReadOnlyList<(string Name, string Path)> Users { get; } =
    [
        ("alice", "/"),
        ("bob", "/"),
        ("carol", "/people/"),
    ];

    public static string RoleArn(string name, string path) => $"arn:aws:iam::{Account}:role{path}{name}";

    public static string UserArn(string name, string path) => $"arn:aws:iam::{Account}:user{path}{name}";

    /// <summary>The data of the aws-auth ConfigMap (the same strings live and in the export).</summary>
    public static IReadOnlyDictionary<string, string> AwsAuthData { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mapRoles"] = """
            - rolearn: arn:aws:iam::123456789012:role/eks-node-role
              username: system:node:{{EC2PrivateDNSName}}
              groups:
                - system:bootstrappers
                - system:nodes
            - rolearn: arn:aws:iam::123456789012:role/platform-admin
              username: platform-admin
              groups:
                - system:masters
                - platform-team
            - rolearn: arn:aws:iam::123456789012:role/developers
              username: dev:{{SessionName}}
              groups:
                - developers
            - rolearn: arn:aws:iam::123456789012:role/ghost-role
              username: ghost
              groups:
                - viewers
            - rolearn: arn:aws:iam::210987654321:role/partner-auditor
              username: partner-auditor
              groups:
                - viewers
            - sso:
                permissionSetName: ReadOnly
                accountID: "123456789012"
              username: readonly:{{SessionName}}
              groups:
                - viewers

            """,
        ["mapUsers"] = """
            - userarn: arn:aws:iam::123456789012:user/alice
              username: alice
              groups:
                - system:masters
            - userarn: arn:aws:iam::123456789012:user/bob
              username: bob
              groups:
                - viewers

            """,
        ["mapAccounts"] = """
            - "111122223333"

            """,
    };

    /// <summary>The aws-auth ConfigMap as <c>kubectl get configmap aws-auth -n kube-system -o yaml</c> prints it.</summary>
    public static string ExportYaml()
    {
        var text = new System.Text.StringBuilder();
        text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n");
        foreach (var (key, value) in AwsAuthData.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append("  ").Append(key).Append(": |\n");
            foreach (var line in value.TrimEnd('\n').Split('\n'))
            {
                text.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The aws-auth ConfigMap as a Kubernetes object for the fake API server.</summary>
    public static string ConfigMapJson() => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "ConfigMap",
        metadata = new { name = "aws-auth", @namespace = "kube-system" },
        data = AwsAuthData,
    });

    /// <summary><c>aws iam list-roles</c> and <c>aws iam list-users</c> output for the account, as --iam-snapshot files take it.</summary>
    public static (string Roles, string Users) IamSnapshotJson() => (
        JsonSerializer.Serialize(new { Roles = Roles.Select(r => new { r.Path, RoleName = r.Name, Arn = RoleArn(r.Name, r.Path), AssumeRolePolicyDocument = JsonSerializer.Deserialize<JsonElement>(TrustPolicy) }) }),
        JsonSerializer.Serialize(new { Users = Users.Select(u => new { u.Path, UserName = u.Name, Arn = UserArn(u.Name, u.Path) }) }));
}
