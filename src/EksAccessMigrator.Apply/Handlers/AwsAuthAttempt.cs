namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// One attempt of the aws-auth edit (read, check the precondition, conditional replace): done, a conflict (aws-auth
/// was written since the read; worth another attempt), or a failure that another attempt would not change.
/// </summary>
internal sealed record AwsAuthAttempt
{
    private AwsAuthAttempt(bool conflict, string? failure)
    {
        IsConflict = conflict;
        Failure = failure;
    }

    public static AwsAuthAttempt Done { get; } = new(false, null);

    public static AwsAuthAttempt Conflict { get; } = new(true, null);

    public bool IsConflict { get; }

    /// <summary>What stopped the edit; null when it is done or met a conflict.</summary>
    public string? Failure { get; }

    public static AwsAuthAttempt Failed(string failure) => new(false, failure);
}
