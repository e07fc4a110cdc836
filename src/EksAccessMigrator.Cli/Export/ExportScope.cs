using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Export;

/// <summary>What both exports can express (the EKS access and Pod Identity objects), and comment-safe text.</summary>
public static class ExportScope
{
    public static bool IsExpressible(PlanChange change) =>
        change is UpdateClusterConfigChange or CreateAccessEntryChange or AssociateAccessPolicyChange or CreatePodIdentityAssociationChange;

    /// <summary>Text inside a comment line: no line breaks.</summary>
    public static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
