namespace EksAccessMigrator.Live.Tests.Support;

[CollectionDefinition(Name)]
public sealed class WorkloadGroup : ICollectionFixture<WorkloadMoto>
{
    public const string Name = "live-workloads";
}
