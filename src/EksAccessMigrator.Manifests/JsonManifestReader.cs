using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads a JSON export (<c>kubectl get -o json</c>) with <see cref="Utf8JsonReader"/> over pooled buffers: no DOM of the
/// file, and the items of a <c>List</c> handed out one at a time as they complete, as the YAML path does. It builds the
/// same small node tree per object, so the collectors cannot tell the two paths apart; only an order of magnitude
/// faster, since a JSON tokenizer does much less than a YAML parser. Duplicate keys are refused (rule P8), and so is
/// a single value larger than <see cref="MaxTokenBytes"/>, so memory stays bounded whatever the file holds.
/// The per-token methods (here, in <see cref="NamePool"/> and <see cref="MappingKeys"/>) are compiled optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a plan is one short process, and tiered compilation would
/// run the first second of a large export through unoptimized code (issue 11: L JSON plan 0.13 s faster).
/// </summary>
public static class JsonManifestReader
{
    /// <summary>The largest single token (a string value): Kubernetes stores objects of at most about 1.5 MiB.</summary>
    public const int MaxTokenBytes = 64 * 1024 * 1024;

    private const int ChunkBytes = 1 << 20;

    /// <summary>Hands every object to <paramref name="visit"/>; returns how many documents held an object or a List (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(Stream stream, string file, Action<ManifestObject> visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(visit);
        var builder = new Builder(file, visit);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = NodeLoader.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
            var skipBom = true;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!final)
                {
                    var read = stream.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false);
                    length += read;
                    final = length < buffer.Length;
                }

                var start = 0;
                if (skipBom && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                }

                skipBom = false;
                var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, state);
                try
                {
                    while (reader.Read())
                    {
                        builder.Token(ref reader, buffer.AsSpan(start, length - start));
                    }
                }
                catch (JsonException ex)
                {
                    throw ManifestException.At(file, builder.LineAt(buffer.AsSpan(start, length - start), (int)reader.BytesConsumed), $"not valid JSON: {FirstSentence(ex.Message)}");
                }
                catch (InvalidOperationException ex)
                {
                    throw ManifestException.At(file, builder.Line, $"is not UTF-8 text ({FirstSentence(ex.Message)}); --from takes YAML or JSON manifests.");
                }

                var consumed = start + (int)reader.BytesConsumed;
                builder.Advance(buffer.AsSpan(start, consumed - start));
                state = reader.CurrentState;
                if (final)
                {
                    if (consumed < length)
                    {
                        throw ManifestException.At(file, builder.Line, "not valid JSON: the file ends inside a value.");
                    }

                    return builder.Finish();
                }

                var rest = length - consumed;
                if (rest == buffer.Length)
                {
                    // One token fills the buffer: grow it, up to the bound.
                    if (buffer.Length >= MaxTokenBytes)
                    {
                        throw ManifestException.At(file, builder.Line, $"a single value is larger than {MaxTokenBytes / 1024 / 1024} MiB; Kubernetes objects are far smaller, so this is not an export.");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, consumed, larger, 0, rest);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, rest);
                }

                length = rest;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    /// <summary>Builds nodes from tokens with an explicit stack, so a buffer refill can fall between any two tokens.</summary>
    private sealed class Builder(string file, Action<ManifestObject> visit)
    {
        private readonly FrameStack _stack = new();
        private readonly NamePool _names = new();
        private readonly MappingKeys _keys = new(file);
        private int _line = 1;
        private int _countedTo;
        private int _documents;
        private int _streamedItems;
        private int _firstItemLine;
        private ManifestMapping? _root;

        public int Line => _line;

        /// <summary>The line at a position of the current chunk.</summary>
        public int LineAt(ReadOnlySpan<byte> chunk, int position)
        {
            Count(chunk, position);
            return _line;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Token(ref Utf8JsonReader reader, ReadOnlySpan<byte> chunk)
        {
            var line = LineAt(chunk, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var owner = TakeKey();
                    _stack.Push(line, mapping: true, owner, _keys.Open());
                    break;
                case JsonTokenType.StartArray:
                    var key = TakeKey();
                    if (_stack.Count == 0)
                    {
                        throw ManifestException.At(file, line, "this document is a list, not a Kubernetes object (a mapping with apiVersion and kind); --from takes exported manifests.");
                    }

                    _stack.Push(line, mapping: false, key, 0);
                    if (_stack.Count == 2 && key is { Name: "items" })
                    {
                        _firstItemLine = line;
                    }

                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Close();
                    break;
                case JsonTokenType.PropertyName:
                    var frame = _stack.Peek();
                    var name = _names.Get(ref reader);
                    _keys.Add(frame.KeyMark, name, line);
                    frame.PendingKey = new PendingKey(name, line);
                    break;
                case JsonTokenType.String:
                    Add(new ManifestScalar(_names.GetValue(ref reader), isPlain: false, isBlock: false, line), line);
                    break;
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    var raw = _names.Get(ref reader);
                    Add(new ManifestScalar(raw, isPlain: true, isBlock: false, line), line);
                    break;
            }
        }

        /// <summary>Counts the lines of the part of the chunk that is consumed before the next refill.</summary>
        public void Advance(ReadOnlySpan<byte> consumed)
        {
            Count(consumed, consumed.Length);
            _countedTo = 0;
        }

        public int Finish()
        {
            if (_root is not null)
            {
                var kind = (_root["kind"] as ManifestScalar)?.Value;
                if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal))
                {
                    return _documents;
                }

                if (_streamedItems > 0)
                {
                    throw ManifestException.At(file, _firstItemLine, $"this document has 'items' but its kind is '{kind ?? "(none)"}', not a List; only List objects (kubectl get -o json) hold items.");
                }

                visit(ManifestStreamReader.ToObject(_root, file, "document"));
            }

            return _documents;
        }

        private void Count(ReadOnlySpan<byte> chunk, int position)
        {
            if (position > _countedTo)
            {
                _line += chunk[_countedTo..position].Count((byte)'\n');
                _countedTo = position;
            }
        }

        private PendingKey? TakeKey()
        {
            if (_stack.Count == 0 || !_stack.Peek().IsMapping)
            {
                return null;
            }

            var frame = _stack.Peek();
            var key = frame.PendingKey;
            frame.PendingKey = null;
            return key;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(ManifestNode node, int line)
        {
            if (_stack.Count == 0)
            {
                throw ManifestException.At(file, line, "this document is a single value, not a Kubernetes object (a mapping with apiVersion and kind); --from takes exported manifests.");
            }

            var frame = _stack.Peek();
            if (frame.IsMapping)
            {
                frame.Entries.Add(new(frame.PendingKey!.Value.Name, node));
                frame.PendingKey = null;
            }
            else if (IsItemsOfRoot())
            {
                // A scalar where a List item belongs: refused as the YAML path refuses it.
                visit(ManifestStreamReader.ToObject(node, file, "List item"));
            }
            else
            {
                frame.Items.Add(node);
            }
        }

        private bool IsItemsOfRoot() => _stack.Count == 2 && _stack.Peek() is { IsMapping: false, Key.Name: "items" } && _stack.Bottom.IsMapping;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Close()
        {
            var frame = _stack.Pop();
            ManifestNode node;
            if (frame.IsMapping)
            {
                _keys.Close(frame.KeyMark);
                node = new ManifestMapping(frame.Entries.ToArray(), frame.Line);
            }
            else
            {
                node = new ManifestSequence(frame.Items.ToArray(), frame.Line);
            }

            if (_stack.Count == 0)
            {
                _documents = 1;
                _root = (ManifestMapping)node;
                return;
            }

            // An item of the root List's items: handed out now and forgotten, never held with the others.
            if (IsItemsOfRoot())
            {
                visit(ManifestStreamReader.ToObject(node, file, "List item"));
                _streamedItems++;
                return;
            }

            if (_stack.Count == 1 && !frame.IsMapping && frame.Key is { Name: "items" })
            {
                // The items were streamed; like the YAML path, the root keeps no 'items' entry.
                return;
            }

            var parent = _stack.Peek();
            if (parent.IsMapping)
            {
                parent.Entries.Add(new(frame.Key!.Value.Name, node));
            }
            else
            {
                parent.Items.Add(node);
            }
        }
    }

    private readonly record struct PendingKey(string Name, int Line);

    /// <summary>
    /// One open mapping or list. Frames are reused by depth (<see cref="FrameStack"/>), so their lists are too: a
    /// closed node takes a copy of exactly its size, and reading an object allocates only the nodes it ends with.
    /// </summary>
    private sealed class Frame
    {
        public int Line { get; private set; }

        public bool IsMapping { get; private set; }

        /// <summary>This node's key in its parent mapping.</summary>
        public PendingKey? Key { get; private set; }

        public PendingKey? PendingKey { get; set; }

        /// <summary>Where this mapping's keys start on the reader's <see cref="MappingKeys"/>.</summary>
        public int KeyMark { get; private set; }

        public List<KeyValuePair<string, ManifestNode>> Entries { get; } = [];

        public List<ManifestNode> Items { get; } = [];

        public void Reset(int line, bool mapping, PendingKey? key, int keyMark)
        {
            Line = line;
            IsMapping = mapping;
            Key = key;
            PendingKey = null;
            KeyMark = keyMark;
            Entries.Clear();
            Items.Clear();
        }
    }

    /// <summary>The open frames, innermost last; a popped frame is reset when its depth is entered again.</summary>
    private sealed class FrameStack
    {
        private readonly List<Frame> _frames = [];

        public int Count { get; private set; }

        public Frame Bottom => _frames[0];

        public Frame Peek() => _frames[Count - 1];

        public void Push(int line, bool mapping, PendingKey? key, int keyMark)
        {
            if (Count == _frames.Count)
            {
                _frames.Add(new Frame());
            }

            _frames[Count++].Reset(line, mapping, key, keyMark);
        }

        public Frame Pop() => _frames[--Count];
    }
}
