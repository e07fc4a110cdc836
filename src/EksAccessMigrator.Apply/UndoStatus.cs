namespace EksAccessMigrator.Apply;

/// <summary>How rollback of one step ended.</summary>
public enum UndoStatus
{
    /// <summary>Restored to the state before the migration.</summary>
    Restored,

    /// <summary>The live state already was the state before (e.g. the step never took effect).</summary>
    AlreadyRestored,

    /// <summary>The step changed nothing (the resource existed before): nothing to undo.</summary>
    NothingToUndo,

    /// <summary>Someone changed the resource since the migration: reported, not overwritten.</summary>
    ChangedSince,

    /// <summary>The change cannot be undone (the authentication mode).</summary>
    Irreversible,

    /// <summary>Left in place on purpose; the message says why and what to do.</summary>
    Kept,

    /// <summary>The undo call failed.</summary>
    Failed,
}
