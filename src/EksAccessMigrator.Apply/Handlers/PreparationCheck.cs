namespace EksAccessMigrator.Apply.Handlers;

/// <summary>What the check before the first write found for one change: which condition holds, in words.</summary>
internal sealed record PreparationCheck(PreparationKind Kind, string Message);
