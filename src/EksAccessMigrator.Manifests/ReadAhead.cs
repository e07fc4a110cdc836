using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Runs a producer on a thread of its own, a few batches ahead of the thread that takes its items (issue 11): reading
/// an export is a pipeline (tokens or events, nodes, collectors), and on a machine with a second core its stages
/// overlap. The taker sees the same items in the same order, and the producer's failure (bad input, I/O) at the same
/// place: after every item produced before it, never earlier. Bounded: at most <see cref="QueuedBatches"/> batches
/// of at most <c>batchItems</c> items or <c>batchWeight</c> (the producer's measure, such as characters) wait.
/// Dispose stops the producer and waits for its thread, so its input can be closed after it.
/// </summary>
internal sealed class ReadAhead<T> : IDisposable
{
    public const int QueuedBatches = 4;

    private readonly BlockingCollection<Batch> _queue = new(QueuedBatches);
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private Batch? _batch;
    private int _index;
    private bool _ended;

    /// <param name="produce">Called once on the producer's thread; puts every item in the sink it is given, in order.</param>
    public ReadAhead(Action<ReadAheadSink<T>, CancellationToken> produce, int batchItems, int batchWeight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produce);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _producer = Task.Factory.StartNew(() => Produce(produce, batchItems, batchWeight, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The next item, waiting for the producer; false at the end; the producer's failure is thrown here, in its place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        while (!_ended)
        {
            if (_batch is { } batch && _index < batch.Items.Count)
            {
                item = batch.Items[_index++];
                return true;
            }

            if (_batch is { Last: true } last)
            {
                _ended = true;
                last.Failure?.Throw();
                break;
            }

            _batch = _queue.Take(_stop.Token);
            _index = 0;
        }

        _batch = null;
        item = default;
        return false;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            // Stopped while waiting to hand a batch over: nothing was lost that anyone will take.
        }

        _queue.Dispose();
        _stop.Dispose();
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every failure of the producer is handed to the taker, in order, and thrown there.")]
    private void Produce(Action<ReadAheadSink<T>, CancellationToken> produce, int batchItems, int batchWeight, CancellationToken token)
    {
        var sink = new ReadAheadSink<T>(items => _queue.Add(new Batch(items, Last: false, Failure: null), token), batchItems, batchWeight);
        try
        {
            produce(sink, token);
            _queue.Add(new Batch(sink.TakeRest(), Last: true, Failure: null), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _queue.Add(new Batch(sink.TakeRest(), Last: true, Failure: ExceptionDispatchInfo.Capture(ex)), token);
        }
    }

    private sealed record Batch(List<T> Items, bool Last, ExceptionDispatchInfo? Failure);
}
