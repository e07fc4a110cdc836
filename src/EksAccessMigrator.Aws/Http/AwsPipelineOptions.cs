using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Aws.Http;

/// <summary>Optional collaborators of <see cref="AwsHttpPipeline"/>.</summary>
public sealed record AwsPipelineOptions
{
    /// <summary>Caller-owned HttpClient (not disposed by the pipeline).</summary>
    public HttpClient? HttpClient { get; init; }

    public IAwsWireLog? Log { get; init; }

    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// A shared client-side rate limit, e.g. one for all clients that draw on one account and region's budget (a
    /// fleet run); null gives the client its own.
    /// </summary>
    public Core.Resilience.AdaptiveRateLimiter? RateLimiter { get; init; }
}
