namespace EksAccessMigrator.Core.Reports;

/// <summary>One migrated subject as the cluster has it now.</summary>
/// <param name="Address">The change's address (e.g. <c>access-entry/arn:...</c>).</param>
/// <param name="Status"><c>ok</c>, <c>missing</c>, <c>different</c> or <c>blocked</c>.</param>
/// <param name="Detail">What was expected and what is there.</param>
public sealed record VerifiedSubject(string Address, string Action, string Status, string Detail)
{
    public const string Ok = "ok";
    public const string Missing = "missing";
    public const string Different = "different";
    public const string Blocked = "blocked";
}
