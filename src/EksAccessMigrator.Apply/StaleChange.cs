namespace EksAccessMigrator.Apply;

/// <summary>
/// A change whose object is neither as the plan says it was (precondition) nor as the change leaves it
/// (postcondition): the object changed since the plan was made.
/// </summary>
/// <param name="Address">The change's address.</param>
/// <param name="Action">The change's API operation.</param>
/// <param name="Message">Which object changed and how.</param>
public sealed record StaleChange(string Address, string Action, string Message)
{
    public override string ToString() => $"{Address} ({Action}): {Message}";
}
