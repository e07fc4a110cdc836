using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>One association rule S1 suggests: for this group, this policy at this scope, leaving these bindings unused.</summary>
public sealed record AccessPolicySuggestion(string Group, string PolicyArn, string PolicyName, AccessScope Scope, ImmutableArray<string> Bindings);
