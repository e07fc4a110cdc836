using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Aws.Http;

/// <summary>Optional collaborators of <see cref="AwsHttpPipeline"/>.</summary>
public sealed record AwsPipelineOptions
{
    /// <summary>Caller-owned HttpClient (not disposed by the pipeline).</summary>
    public HttpClient? HttpClient { get; init; }

    public IAwsWireLog? Log { get; init; }

    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Shared limiter, e.g. one bucket for all clients of a run.</summary>
    public TokenBucket? RateLimiter { get; init; }
}
