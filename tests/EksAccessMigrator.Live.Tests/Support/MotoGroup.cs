namespace EksAccessMigrator.Live.Tests.Support;

[CollectionDefinition(Name)]
public sealed class MotoGroup : ICollectionFixture<MotoIam>
{
    public const string Name = "live-moto";
}
