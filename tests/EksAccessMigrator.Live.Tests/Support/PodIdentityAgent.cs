namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The DaemonSet the <c>eks-pod-identity-agent</c> add-on runs, as the API server and an export show it.</summary>
internal static class PodIdentityAgent
{
    public const string DaemonSetJson = """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"eks-pod-identity-agent","namespace":"kube-system"},
         "spec":{"selector":{"matchLabels":{"app":"eks-pod-identity-agent"}},
                 "template":{"metadata":{"labels":{"app":"eks-pod-identity-agent"}},
                             "spec":{"hostNetwork":true,"containers":[{"name":"eks-pod-identity-agent",
                                     "image":"602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/eks-pod-identity-agent:0.1.10"}]}}}}
        """;
}
