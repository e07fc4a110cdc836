using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Aws.Iam;

/// <summary>One page of an IAM list; <see cref="Marker"/> is set only when the result is truncated.</summary>
public sealed record IamPage<T>(IReadOnlyList<T> Items, bool IsTruncated, string? Marker) : IAwsPage<T>
{
    public string? Continuation => !IsTruncated
        ? null
        : string.IsNullOrEmpty(Marker) ? throw new FormatException("IAM reported a truncated list without a Marker.") : Marker;
}
