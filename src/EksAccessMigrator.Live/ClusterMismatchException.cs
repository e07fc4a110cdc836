namespace EksAccessMigrator.Live;

/// <summary>
/// The credentials or the endpoints reach another account, region or cluster than the one asked for (a plan's or a
/// journal's): nothing was read from the cluster and nothing was written.
/// </summary>
public sealed class ClusterMismatchException : Exception
{
    public ClusterMismatchException()
    {
    }

    public ClusterMismatchException(string message)
        : base(message)
    {
    }

    public ClusterMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
