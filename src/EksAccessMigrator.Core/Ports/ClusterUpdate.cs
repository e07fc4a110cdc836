using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Ports;

/// <summary>An EKS cluster update (DescribeUpdate).</summary>
/// <param name="Id">The update id.</param>
/// <param name="Status">InProgress, Successful, Failed or Cancelled.</param>
/// <param name="Errors">Its errors, each as <c>code: message</c>.</param>
public sealed record ClusterUpdate(string Id, string? Status, ImmutableArray<string> Errors);
