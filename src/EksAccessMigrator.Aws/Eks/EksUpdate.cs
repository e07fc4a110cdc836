namespace EksAccessMigrator.Aws.Eks;

/// <summary>An asynchronous cluster update (InProgress, Failed, Cancelled, Successful).</summary>
public sealed record EksUpdate(
    string Id,
    string? Status,
    string? Type,
    IReadOnlyList<EksUpdateParam>? Params,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<EksErrorDetail>? Errors);
