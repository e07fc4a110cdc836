using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Planning;

/// <summary>The Kubernetes identity a mapping becomes as an access entry: its type, username, groups and policies.</summary>
internal sealed record MappingIdentity(AccessEntryType Type, string? Username, ImmutableArray<string> Groups, ImmutableArray<string> ClusterPolicyArns);
