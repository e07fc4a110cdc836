namespace EksAccessMigrator.Aws.Tests.Support;

[CollectionDefinition(Name)]
public sealed class MotoGroup : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
