namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>The kinds of existing access entry the generator writes.</summary>
internal enum ExistingEntryKind
{
    Node,
    NamespaceAdmin,
    Standard,
}
