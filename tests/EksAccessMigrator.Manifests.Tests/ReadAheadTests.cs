using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// Issue 11: the readers' stages overlap on two threads (<see cref="ReadAhead{T}"/>), and nothing a caller sees may
/// change: every item in order, a failure after exactly the items produced before it, and a taker that stops early
/// stops the producer.
/// </summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-readahead-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(7, 10_000, true)]
    [InlineData(7, 10_000, false)]
    [InlineData(64, 64 * ReadAhead<int>.QueuedBatches * 3, true)]
    public void EveryItemArrivesOnceInOrder_AcrossBatchBoundaries(int batchItems, int count, bool spin)
    {
        using var ahead = new ReadAhead<int>((sink, _) => { for (var i = 0; i < count; i++) { sink.Add(i); } }, batchItems, int.MaxValue, spin, CancellationToken.None);
        var taken = new List<int>();
        while (ahead.TryTake(out var item))
        {
            taken.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, count), taken);
        Assert.False(ahead.TryTake(out _));
    }

    [Fact]
    public void ABatchClosesAtItsWeight()
    {
        // Items of weight 10 and batches of at most 25: every third item starts a new batch, and all arrive.
        using var ahead = new ReadAhead<string>((sink, _) => { for (var i = 0; i < 100; i++) { sink.Add(new string('x', 10), 10); } }, 1_000, 25, spin: true, CancellationToken.None);
        var count = 0;
        while (ahead.TryTake(out _))
        {
            count++;
        }

        Assert.Equal(100, count);
    }

    [Fact]
    public void TheProducersFailureComesAfterExactlyTheItemsBeforeIt()
    {
        using var ahead = new ReadAhead<int>(
            (sink, _) =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    sink.Add(i);
                }

                throw new ManifestException("x.yaml:1001: broken");
            },
            batchItems: 64,
            int.MaxValue,
            spin: true,
            CancellationToken.None);
        var taken = new List<int>();

        var error = Assert.Throws<ManifestException>(() =>
        {
            while (ahead.TryTake(out var item))
            {
                taken.Add(item);
            }
        });

        Assert.Equal("x.yaml:1001: broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 1_000), taken);
    }

    [Fact]
    public void ATakerThatStopsEarlyStopsTheProducer()
    {
        var produced = 0;
        var stopped = false;
        var ahead = new ReadAhead<int>(
            (sink, token) =>
            {
                try
                {
                    while (true)
                    {
                        sink.Add(Interlocked.Increment(ref produced));
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    stopped = true;
                    throw;
                }
            },
            batchItems: 16,
            int.MaxValue,
            spin: false,
            CancellationToken.None);
        Assert.True(ahead.TryTake(out var first));
        Assert.Equal(1, first);

        ahead.Dispose();

        // The producer ended (Dispose waited for it) because it was stopped, and it never ran further ahead than the
        // queue allows: the batch taken, the queued ones, and the one it was handing over.
        Assert.True(stopped);
        Assert.InRange(produced, 16, 16 * (ReadAhead<int>.QueuedBatches + 2));
    }

    [Fact]
    public void AYamlExport_ReportsTheFirstProblemInFileOrder_WhenTheParserHasReadPastIt()
    {
        // Item 2 has a key twice (found while its nodes are built, behind the parser); item 40 is not YAML at all (found
        // by the parser, ahead). The duplicate is first in the file, so it is the one reported.
        var items = Enumerable.Range(1, 60).Select(i => i switch
        {
            2 => "- apiVersion: v1\n  kind: ConfigMap\n  kind: Secret\n  metadata: {name: cm2}\n",
            40 => "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: [unclosed\n",
            _ => $"- apiVersion: v1\n  kind: ConfigMap\n  metadata: {{name: cm{i}}}\n",
        });
        var path = Path.Combine(_dir, "export.yaml");
        File.WriteAllText(path, "apiVersion: v1\nkind: List\nitems:\n" + string.Concat(items));
        var seen = new List<string>();

        var error = Assert.Throws<ManifestException>(() => ManifestScanner.Scan([path], [new Names(seen)], CancellationToken.None));

        Assert.Contains("export.yaml:9: the key 'kind' appears twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(["cm1"], seen);
    }

    [Fact]
    public void AJsonExport_HandsTheCollectorsEveryItemBeforeTheBrokenOne_ThenItsError()
    {
        var items = Enumerable.Range(1, 300).Select(i => $"{{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {{\"name\": \"cm{i}\"}}}}");
        var path = Path.Combine(_dir, "export.json");
        File.WriteAllText(path, "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n" + string.Join(",\n", items) + ",\n{\"apiVersion\": \"v1\", \"kind\": }]}");
        var seen = new List<string>();

        var error = Assert.Throws<ManifestException>(() => ManifestScanner.Scan([path], [new Names(seen)], CancellationToken.None));

        Assert.Contains("export.json:302: not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"cm{i}"), seen);
    }

    private sealed class Names(List<string> seen) : IManifestCollector
    {
        public void Visit(ManifestObject manifest) => seen.Add(manifest.Name ?? "?");
    }
}
