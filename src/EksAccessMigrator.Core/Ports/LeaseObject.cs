namespace EksAccessMigrator.Core.Ports;

/// <summary>A <c>coordination.k8s.io/v1</c> Lease as the executor reads and writes it.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="ResourceVersion">The resourceVersion read (the precondition of a replace); null for a new lease.</param>
/// <param name="Labels">Its labels (empty for none).</param>
/// <param name="Annotations">Its annotations (empty for none).</param>
/// <param name="HolderIdentity">Who holds it.</param>
/// <param name="LeaseDurationSeconds">How long it holds after the last renewal.</param>
/// <param name="AcquireTime">When the holder took it.</param>
/// <param name="RenewTime">When the holder last renewed it.</param>
/// <param name="LeaseTransitions">How often it changed holders.</param>
public sealed record LeaseObject(
    string Namespace,
    string Name,
    string? ResourceVersion,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string? HolderIdentity,
    int? LeaseDurationSeconds,
    DateTimeOffset? AcquireTime,
    DateTimeOffset? RenewTime,
    int? LeaseTransitions);
