using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>The <c>kube-system/aws-auth</c> ConfigMap as read, before any interpretation.</summary>
public sealed record AwsAuthConfigMap(SourceLocation Location, ImmutableArray<AwsAuthDataValue> Data, string? ResourceVersion);
