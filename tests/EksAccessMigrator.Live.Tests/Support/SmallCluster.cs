using System.Text.Json;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>A small kube2iam cluster built in code: the agent (roles by name, no namespace restrictions) and annotated Deployments.</summary>
internal static class SmallCluster
{
    public const string Kube2iamDaemonSet = """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"kube2iam","namespace":"kube-system"},
         "spec":{"selector":{"matchLabels":{"app":"kube2iam"}},
                 "template":{"metadata":{"labels":{"app":"kube2iam"}},
                             "spec":{"hostNetwork":true,"containers":[{"name":"kube2iam","image":"jtblin/kube2iam:0.11.2",
                                     "args":["--base-role-arn=arn:aws:iam::111122223333:role/","--iptables=true"]}]}}}}
        """;

    public static void AddAgent(ClusterState state) => state.Add(Kube2iamDaemonSet);

    /// <summary>A Deployment whose pods run as its own ServiceAccount <paramref name="name"/> with the kube2iam role <paramref name="role"/>.</summary>
    public static void AddApp(ClusterState state, string ns, string name, string role, int serviceAccountIndex = -1)
    {
        var serviceAccount = serviceAccountIndex < 0 ? name : $"{name}-sa";
        state.Add(JsonSerializer.Serialize(new
        {
            apiVersion = "v1",
            kind = "ServiceAccount",
            metadata = new { name = serviceAccount, @namespace = ns },
        }));
        state.Add(Deployment(ns, name, role, serviceAccount));
    }

    public static string Deployment(string ns, string name, string role, string serviceAccount) => JsonSerializer.Serialize(new
    {
        apiVersion = "apps/v1",
        kind = "Deployment",
        metadata = new { name, @namespace = ns },
        spec = new
        {
            selector = new { matchLabels = new Dictionary<string, string> { ["app"] = name } },
            template = new
            {
                metadata = new
                {
                    labels = new Dictionary<string, string> { ["app"] = name },
                    annotations = new Dictionary<string, string> { ["iam.amazonaws.com/role"] = role },
                },
                spec = new
                {
                    serviceAccountName = serviceAccount,
                    containers = new[] { new { name = "app", image = "example/app:1" } },
                },
            },
        },
    });

    public static string RoleArn(string name) => $"arn:aws:iam::{WorkloadMoto.Account}:role/{name}";
}
