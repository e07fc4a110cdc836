namespace EksAccessMigrator.Apply.Handlers;

/// <summary>What a handler found when it read the live state for a step: which of the change's conditions holds.</summary>
internal enum PreparationKind
{
    /// <summary>The postcondition holds: the change is in effect (an earlier run, or identical by chance). Nothing to write.</summary>
    AlreadyDone,

    /// <summary>The precondition holds: the object is as the plan says it was. The change must be written.</summary>
    Write,

    /// <summary>Neither holds: the object changed since the plan was made. The change is stale and is not written.</summary>
    Stale,
}
