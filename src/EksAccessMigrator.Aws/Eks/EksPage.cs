using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Aws.Eks;

/// <summary>One page of a paginated list; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record EksPage<T>(IReadOnlyList<T> Items, string? NextToken) : IAwsPage<T>
{
    public string? Continuation => string.IsNullOrEmpty(NextToken) ? null : NextToken;
}
