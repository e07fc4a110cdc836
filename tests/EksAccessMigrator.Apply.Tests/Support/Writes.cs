namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>Counts the writes the fakes saw: every non-GET Kubernetes request and every EKS operation that is not a read.</summary>
internal static class Writes
{
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get"];

    public static int Count(World world) =>
        world.Kubernetes.Requests.Entries.Count(e => e.Method != "GET")
        + world.Eks.Requests.Operations.Count(o => !ReadPrefixes.Any(p => o.StartsWith(p, StringComparison.Ordinal)));
}
