namespace EksAccessMigrator.Apply.Handlers;

/// <summary>What a handler found when it read the live state for a step.</summary>
internal enum PreparationKind
{
    /// <summary>The change is already in effect: nothing to write.</summary>
    AlreadyDone,

    /// <summary>The change must be written.</summary>
    Write,

    /// <summary>The live state conflicts with the change (e.g. an existing, different resource).</summary>
    Conflict,
}
