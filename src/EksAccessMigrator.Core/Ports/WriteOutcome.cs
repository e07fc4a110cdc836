namespace EksAccessMigrator.Core.Ports;

/// <summary>How a write ended, for the outcomes the apply step must handle rather than fail on.</summary>
public enum WriteOutcome
{
    /// <summary>The write was applied (or was already in effect).</summary>
    Succeeded,

    /// <summary>The object changed since it was read (stale resourceVersion): nothing was written.</summary>
    Conflict,

    /// <summary>The object (or its namespace) does not exist.</summary>
    NotFound,

    /// <summary>An object with that name already exists: nothing was written.</summary>
    AlreadyExists,

    /// <summary>The server refused the change as invalid (e.g. an immutable field).</summary>
    Invalid,
}
