namespace EksAccessMigrator.Aws.Eks;

/// <summary>An error reported by a failed update.</summary>
public sealed record EksErrorDetail(string? ErrorCode, string? ErrorMessage, IReadOnlyList<string>? ResourceIds);
