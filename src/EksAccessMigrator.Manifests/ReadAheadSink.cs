using System.Runtime.CompilerServices;
namespace EksAccessMigrator.Manifests;

/// <summary>
/// Where a <see cref="ReadAhead{T}"/> producer puts its items: a plain method call per item (no delegate), so the
/// producer's own loop, which is the pipeline's slowest stage, pays as little as possible for handing items over.
/// </summary>
internal sealed class ReadAheadSink<T>(Action<List<T>> handOver, int batchItems, int batchWeight)
{
    private List<T> _items = new(batchItems);
    private long _weight;

    /// <summary>Adds an item of <paramref name="weight"/> (the caller's measure, such as characters) to the current batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(T item, int weight = 0)
    {
        _items.Add(item);
        _weight += weight;
        if (_items.Count >= batchItems || _weight >= batchWeight)
        {
            handOver(_items);
            _items = new List<T>(batchItems);
            _weight = 0;
        }
    }

    /// <summary>The items added since the last full batch, taken out.</summary>
    public List<T> TakeRest()
    {
        var rest = _items;
        _items = [];
        _weight = 0;
        return rest;
    }
}
