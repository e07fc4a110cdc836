namespace EksAccessMigrator.Core.Inventory;

/// <summary>Where something was read: a file (or a live object such as <c>cluster:kube-system/aws-auth</c>) and a 1-based line, 0 when unknown.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
