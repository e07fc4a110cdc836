namespace EksAccessMigrator.Core.Planning;

/// <summary>The phases of a migration (migration-rules.md, "Phases").</summary>
public static class PlanPhase
{
    public const string Migrate = "migrate";
    public const string Cutover = "cutover";
    public const string Finalize = "finalize";

    public static bool IsKnown(string? phase) => phase is Migrate or Cutover or Finalize;
}
