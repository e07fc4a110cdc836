using EksAccessMigrator.Core.Resilience;

namespace EksAccessMigrator.Aws.Tests.Http;

/// <summary>Retry-After is read against the pipeline's clock, never the machine's.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2015, 10, 21, 7, 27, 30, TimeSpan.Zero);

    [Fact]
    public void An_http_date_is_measured_from_the_given_clock()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Parse("Wed, 21 Oct 2015 07:28:00 GMT", Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Parse("Wed, 21 Oct 2015 07:27:00 GMT", Now));
    }

    [Fact]
    public void Seconds_are_taken_as_they_are_and_garbage_is_no_hint()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Parse(" 7 ", Now));
        Assert.Null(RetryAfter.Parse("soon", Now));
        Assert.Null(RetryAfter.Parse(null, Now));
    }
}
