namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Kinds of injected faults.</summary>
public enum FaultKind
{
    /// <summary>Answer with an error Status (429 carries Retry-After).</summary>
    Status,

    /// <summary>Wait before answering normally.</summary>
    Delay,

    /// <summary>Abort the connection without an answer.</summary>
    Drop,

    /// <summary>Answer a request carrying a continue token with 410 Expired.</summary>
    ExpireContinue,
}
