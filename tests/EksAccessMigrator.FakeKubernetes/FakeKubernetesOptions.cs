namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Settings of a <see cref="FakeKubernetesServer"/>.</summary>
public sealed record FakeKubernetesOptions
{
    /// <summary>Gets the bearer token every request must carry; null accepts any request.</summary>
    public string? ExpectedBearerToken { get; init; }

    /// <summary>Gets an alternative token check (e.g. to accept rotated tokens); used when set, instead of <see cref="ExpectedBearerToken"/>.</summary>
    public Func<string, bool>? BearerTokenValidator { get; init; }

    /// <summary>Gets a value indicating whether workload writes that change the spec immediately get a "rollout complete" status.</summary>
    public bool AutoCompleteRollouts { get; init; } = true;

    /// <summary>Gets the node count a DaemonSet's simulated rollout reports.</summary>
    public int DaemonSetNodeCount { get; init; } = 3;

    /// <summary>
    /// Gets a value indicating whether to serve https with a fresh self-signed certificate (its CA data is
    /// <see cref="FakeKubernetesServer.CertificateAuthorityData"/>) instead of plain http.
    /// </summary>
    public bool UseTls { get; init; }

    /// <summary>
    /// Gets a value indicating whether Karpenter's CRD is installed: when false (the default), every path of
    /// <see cref="ResourceKinds.Ec2NodeClass"/> answers 404 like any resource the server does not serve, seeded objects or not.
    /// </summary>
    public bool KarpenterInstalled { get; init; }

    /// <summary>Gets the clock used for creationTimestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
