namespace EksAccessMigrator.Core.Plans;

/// <summary>How much a finding matters; see migration-rules.md, "Findings".</summary>
public enum Severity
{
    /// <summary>The subject cannot be migrated as asked; it stays on its old mechanism.</summary>
    Blocker,

    /// <summary>Migrated, but behaviour changes or was assumed: a reviewer must read it.</summary>
    Warning,

    /// <summary>Context.</summary>
    Info,
}
