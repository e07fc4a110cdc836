using System.Text;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Tests;

public sealed class ManifestStreamReaderTests
{
    private static List<ManifestObject> Read(string text, string file = "in.yaml")
    {
        var objects = new List<ManifestObject>();
        ManifestStreamReader.Read(new StringReader(text), file, objects.Add, CancellationToken.None);
        return objects;
    }

    [Fact]
    public void ReadsMultipleDocumentsSkippingEmptyOnes()
    {
        var objects = Read("---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: a\n");

        Assert.Equal(["Namespace", "ConfigMap"], objects.Select(o => o.Kind));
        Assert.Equal(("a", "b"), (objects[1].Namespace, objects[1].Name));
        Assert.Equal(9, objects[1].Location.Line);
    }

    [Fact]
    public void UnpacksKindListItemsWithTheirLines()
    {
        var objects = Read("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p1, namespace: d}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web, namespace: d}\nkind: List\nmetadata: {resourceVersion: \"\"}\n");

        Assert.Equal(["Pod", "Deployment"], objects.Select(o => o.Kind));
        Assert.Equal([3, 6], objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void ReadsJsonAsKubectlPrintsIt()
    {
        var objects = Read("{\n\t\"apiVersion\": \"v1\",\n\t\"items\": [{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"sa\",\"namespace\":\"ns\"}}],\n\t\"kind\": \"List\"\n}\n", "export.json");

        var sa = Assert.Single(objects);
        Assert.Equal(("ServiceAccount", "ns", "sa"), (sa.Kind, sa.Namespace, sa.Name));
    }

    [Fact]
    public void AliasesShareTheAnchoredNode_ButAnAliasBombIsRefusedByTheExpansionBudget()
    {
        static string Nested(int levels)
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
            for (var i = 0; i < levels; i++)
            {
                var prev = i == 0 ? "a" : $"l{i - 1}";
                yaml.Append($"  l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
            }

            return yaml.ToString();
        }

        // A little reuse of anchors is fine, and shares the node instead of copying it.
        var cm = Assert.Single(Read(Nested(3)));
        var data = Assert.IsType<ManifestMapping>(cm.Root["data"]);
        Assert.Same(data["l1"], Assert.IsType<ManifestSequence>(data["l2"]).Items[0]);

        // Anchors nested in anchors would expand to 9^21 nodes for whoever walks the object: refused, with the line.
        var error = Assert.Throws<ManifestException>(() => Read(Nested(20)));
        Assert.StartsWith("in.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRefusedInsteadOfOverflowingTheStack()
    {
        var deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var error = Assert.Throws<ManifestException>(() => Read(deep));

        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n", "in.yaml:1: this document is not a Kubernetes object")]
    [InlineData("just text\n", "in.yaml:1: this document is not a Kubernetes object")]
    [InlineData("apiVersion: v1\nkind: Pod\nitems:\n- apiVersion: v1\n  kind: Pod\n", "in.yaml:4: this document has 'items' but its kind is 'Pod'")]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- [1]\n", "in.yaml:4: this List item is a list")]
    [InlineData("apiVersion: v1\nkind: A\nmetadata: {name: *nope}\n", "in.yaml:3: ")]
    [InlineData("apiVersion: v1\nkind: A\n[a]: b\n", "in.yaml:3: a mapping key is a list or mapping")]
    [InlineData("apiVersion: v1\n  kind: A\n", "in.yaml:2: not valid YAML or JSON")]
    public void BadDocumentsNameTheirFileAndLine(string yaml, string expected)
    {
        var error = Assert.Throws<ManifestException>(() => Read(yaml));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeListIsStreamedItemByItem()
    {
        // The reader produces 200,000 items lazily; the first object must reach the visitor long before the input ends,
        // which proves the List is never parsed into one tree.
        var source = new GeneratedList(200_000);
        long charsReadAtFirstVisit = -1;
        var count = 0;

        ManifestStreamReader.Read(source, "gen.yaml", _ =>
        {
            if (count++ == 0)
            {
                charsReadAtFirstVisit = source.CharsProduced;
            }
        }, CancellationToken.None);

        Assert.Equal(200_000, count);
        Assert.InRange(charsReadAtFirstVisit, 1, source.CharsProduced / 100);
    }

    [Fact]
    public void CancellationStopsTheRead()
    {
        using var cts = new CancellationTokenSource();
        var count = 0;

        Assert.Throws<OperationCanceledException>(() => ManifestStreamReader.Read(new GeneratedList(100_000), "gen.yaml", _ =>
        {
            if (++count == 10)
            {
                cts.Cancel();
            }
        }, cts.Token));
        Assert.InRange(count, 10, 11);
    }

    /// <summary>A TextReader that produces a kind: List of N pods on demand.</summary>
    private sealed class GeneratedList(int items) : TextReader
    {
        private readonly StringBuilder _pending = new("apiVersion: v1\nkind: List\nitems:\n");
        private int _next;

        public long CharsProduced { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            while (_pending.Length < count && _next < items)
            {
                _pending.Append($"- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: pod-{_next}\n    namespace: ns-{_next % 50}\n    annotations:\n      iam.amazonaws.com/role: role-{_next % 7}\n");
                _next++;
            }

            var n = Math.Min(count, _pending.Length);
            _pending.CopyTo(0, buffer.AsSpan(index, n), n);
            _pending.Remove(0, n);
            CharsProduced += n;
            return n;
        }

        public override int Read() => throw new NotSupportedException();

        public override int Peek() => throw new NotSupportedException();
    }
}
