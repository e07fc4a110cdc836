namespace EksAccessMigrator.Aws.Paging;

/// <summary>One page of an AWS list, whatever the service calls its continuation (EKS <c>nextToken</c>, IAM <c>Marker</c>).</summary>
public interface IAwsPage<out T>
{
    IReadOnlyList<T> Items { get; }

    /// <summary>The token for the next page; null on the last one.</summary>
    /// <exception cref="FormatException">The page says there is more but gives no token.</exception>
    string? Continuation { get; }
}
