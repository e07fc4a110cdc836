using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Reports;

/// <summary>One aws-auth mapping as read: who it names and the Kubernetes identity it gives.</summary>
public sealed record ScannedMapping(string Source, string Principal, string? Username, ImmutableArray<string> Groups, bool InEffect);
