using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>An access policy already associated with an existing access entry.</summary>
public sealed record ExistingPolicyAssociation(string PolicyArn, AccessScope AccessScope);
