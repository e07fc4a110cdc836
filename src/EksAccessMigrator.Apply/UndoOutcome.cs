namespace EksAccessMigrator.Apply;

/// <summary>The rollback outcome of one journaled step.</summary>
public sealed record UndoOutcome(string Address, string Action, UndoStatus Status, string Message);
