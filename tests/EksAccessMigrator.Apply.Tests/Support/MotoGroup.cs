namespace EksAccessMigrator.Apply.Tests.Support;

[CollectionDefinition(Name)]
public sealed class MotoGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "apply-moto";
}
