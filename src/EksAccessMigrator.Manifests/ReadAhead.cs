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

    /// <summary>How long a side that finds the queue empty (or full) spins before it blocks, when asked to.</summary>
    private const int Spins = 40;

    // A lock and Monitor.Wait: a stage that usually waits for the other (the YAML parser's taker) blocks at once and
    // leaves the core to the JIT's and the GC's threads; stages about as fast as each other spin briefly first, since
    // a blocked thread's wake-up costs more than the next batch takes to arrive.
    private readonly Queue<Batch> _queue = new();
    private readonly bool _spin;
    private volatile int _queued;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenRegistration _stopped;
    private readonly Task _producer;
    private Batch? _batch;
    private int _index;
    private bool _ended;

    /// <param name="produce">Called once on the producer's thread; puts every item in the sink it is given, in order.</param>
    /// <param name="spin">Whether a side that has to wait spins briefly before blocking (for stages of about equal speed).</param>
    public ReadAhead(Action<ReadAheadSink<T>, CancellationToken> produce, int batchItems, int batchWeight, bool spin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produce);
        _spin = spin;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _stopped = token.Register(Wake);
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

            _batch = Take();
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

        _stopped.Dispose();
        _stop.Dispose();
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every failure of the producer is handed to the taker, in order, and thrown there.")]
    private void Produce(Action<ReadAheadSink<T>, CancellationToken> produce, int batchItems, int batchWeight, CancellationToken token)
    {
        var sink = new ReadAheadSink<T>(items => HandOver(new Batch(items, Last: false, Failure: null), token), batchItems, batchWeight);
        try
        {
            produce(sink, token);
            HandOver(new Batch(sink.TakeRest(), Last: true, Failure: null), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            HandOver(new Batch(sink.TakeRest(), Last: true, Failure: ExceptionDispatchInfo.Capture(ex)), token);
        }
    }

    /// <summary>Queues a batch, waiting while <see cref="QueuedBatches"/> wait; throws once stopped.</summary>
    private void HandOver(Batch batch, CancellationToken token)
    {
        SpinWhile(() => _queued >= QueuedBatches);
        lock (_gate)
        {
            while (_queue.Count >= QueuedBatches && !token.IsCancellationRequested)
            {
                Monitor.Wait(_gate);
            }

            token.ThrowIfCancellationRequested();
            _queue.Enqueue(batch);
            _queued = _queue.Count;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The next batch, waiting for the producer; throws once stopped (the caller's cancellation included).</summary>
    private Batch Take()
    {
        SpinWhile(() => _queued == 0);
        lock (_gate)
        {
            while (_queue.Count == 0 && !_stop.IsCancellationRequested)
            {
                Monitor.Wait(_gate);
            }

            _stop.Token.ThrowIfCancellationRequested();
            var batch = _queue.Dequeue();
            _queued = _queue.Count;
            Monitor.PulseAll(_gate);
            return batch;
        }
    }

    private void SpinWhile(Func<bool> waiting)
    {
        if (!_spin)
        {
            return;
        }

        var spinner = default(SpinWait);
        for (var i = 0; i < Spins && waiting() && !_stop.IsCancellationRequested; i++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private sealed record Batch(List<T> Items, bool Last, ExceptionDispatchInfo? Failure);
}
