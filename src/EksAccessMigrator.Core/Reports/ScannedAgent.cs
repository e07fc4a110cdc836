using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Reports;

/// <summary>A kube2iam or kiam agent found in the inputs, with the arguments that configure it.</summary>
public sealed record ScannedAgent(string Agent, string Key, ImmutableArray<string> Args, string Location);
