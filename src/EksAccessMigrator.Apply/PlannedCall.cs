namespace EksAccessMigrator.Apply;

/// <summary>One write call: the API operation, what it targets, and the request body (JSON).</summary>
public sealed record PlannedCall(string Operation, string Target, string Body)
{
    public override string ToString() => $"{Operation} {Target} {Body}";
}
