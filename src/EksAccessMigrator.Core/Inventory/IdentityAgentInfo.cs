using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>A kube2iam or kiam DaemonSet/Deployment; its containers' command and args are its configuration (rule K1).</summary>
/// <param name="Agent"><see cref="IdentityAgentKinds"/>.</param>
public sealed record IdentityAgentInfo(string Agent, string Kind, string Namespace, string Name, ImmutableArray<string> Args, SourceLocation Location)
{
    public string Key => $"{Namespace}/{Kind}/{Name}";
}
