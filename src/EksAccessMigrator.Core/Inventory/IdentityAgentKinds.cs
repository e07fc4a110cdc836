namespace EksAccessMigrator.Core.Inventory;

/// <summary>The credential agents that rules K1-K14 migrate from.</summary>
public static class IdentityAgentKinds
{
    public const string Kube2iam = "kube2iam";
    public const string KiamServer = "kiam-server";
    public const string KiamAgent = "kiam-agent";

    /// <summary>The Pod Identity agent itself (rule K12).</summary>
    public const string PodIdentityAgent = "eks-pod-identity-agent";
}
