using EksAccessMigrator.Apply.Handlers;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// Issue 11: the aws-auth source condition of changes made from aws-auth rows is read once for the steps checking at
/// the same time, never from a read older than the check (each step checks right before its call).
/// </summary>
public sealed class FreshReadTests
{
    [Fact]
    public async Task ACallerArrivingWhileAReadIsInFlight_GetsALaterRead_NotTheOneInFlight()
    {
        var reads = new List<TaskCompletionSource<int>>();
        using var started = new SemaphoreSlim(0);
        var read = new FreshRead<int>(_ =>
        {
            var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (reads)
            {
                reads.Add(tcs);
            }

            started.Release();

            return tcs.Task;
        });

        var first = read.ReadAsync(CancellationToken.None);
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(reads);

        // Arrive while the first read is in flight: joined to a queued read, not to the first.
        var second = read.ReadAsync(CancellationToken.None);
        var third = read.ReadAsync(CancellationToken.None);
        Assert.Single(reads);
        reads[0].SetResult(1);
        Assert.Equal(1, await first);
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, reads.Count);
        Assert.False(second.IsCompleted);
        reads[1].SetResult(2);
        Assert.Equal(2, await second);
        Assert.Equal(2, await third);
        Assert.Equal(2, read.Started);
    }

    [Fact]
    public async Task ManyCallersAtOnce_ShareAtMostTwoReads_AndAFailureReachesEveryJoinedCaller()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var read = new FreshRead<int>(async _ =>
        {
            var n = Interlocked.Increment(ref calls);
            await gate.Task;
            return n == 1 ? 1 : throw new IOException("aws-auth read failed");
        });

        var callers = Enumerable.Range(0, 50).Select(_ => read.ReadAsync(CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.Equal(1, await callers[0]);
        foreach (var caller in callers.Skip(1))
        {
            await Assert.ThrowsAsync<IOException>(() => caller);
        }

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ACancelledCaller_StopsWaiting_WithoutCancellingTheReadOthersShare()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = new FreshRead<int>(_ => gate.Task);
        using var cancel = new CancellationTokenSource();

        var cancelled = read.ReadAsync(cancel.Token);
        var other = read.ReadAsync(CancellationToken.None);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult(7);
        Assert.Equal(7, await other);
    }
}
