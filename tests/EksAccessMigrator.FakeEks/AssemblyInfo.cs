using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("EksAccessMigrator.FakeEks.Tests")]
