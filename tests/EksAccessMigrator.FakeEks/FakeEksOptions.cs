namespace EksAccessMigrator.FakeEks;

/// <summary>Behaviour switches of the fake EKS server.</summary>
public sealed class FakeEksOptions
{
    /// <summary>
    /// How many DescribeUpdate calls an UpdateClusterConfig update needs: the N-th poll reports
    /// <c>Successful</c> and applies the change (earlier polls report <c>InProgress</c>). 0 applies the
    /// change at once (the UpdateClusterConfig response still says <c>InProgress</c>, as AWS does).
    /// </summary>
    public int UpdatePollsUntilComplete { get; init; } = 2;

    /// <summary>When set, requests must be signed with this access key id (else UnrecognizedClientException).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>When set, SigV4 signatures are verified with this secret (else InvalidSignatureException).</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Clock for createdAt/modifiedAt values.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Load knob (off by default): every request is answered after this delay, as a distant or slow endpoint would
    /// (at most 5 seconds), e.g. for measuring apply throughput in <c>bench/</c>.
    /// </summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Load knob (off by default, 0): requests above this many per second (a token bucket holding one second's
    /// worth) are answered 429 <c>ThrottlingException</c>, as EKS's request quota does.
    /// </summary>
    public double MaxRequestsPerSecond { get; init; }

    /// <summary>Seed for generated ids (association ids, ARN suffixes), so runs are reproducible.</summary>
    public int Seed { get; init; } = 20231201;
}
