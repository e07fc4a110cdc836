using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// One string per distinct short property name (and number or literal) of a JSON export: an export repeats the same
/// few hundred keys (<c>metadata</c>, <c>name</c>, label keys) millions of times, and each would otherwise be a new
/// string. Bounded: past <see cref="MaxEntries"/> distinct texts, or for a long one, a new string as before.
/// String values go through <see cref="GetValue"/>.
/// </summary>
internal sealed class NamePool
{
    private const int MaxEntries = 16 * 1024;
    private const int MaxChars = 128;

    private const int MaxValueChars = 64;
    private const int RecentSlots = 8192;

    private readonly string?[] _recent = new string?[RecentSlots];
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NamePool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current token's text (a property name, a string, a number or a literal), as <c>GetString</c> reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxChars)
        {
            return Text(ref reader);
        }

        // A UTF-8 text has at most as many UTF-16 chars as bytes, and unescaping only shortens it.
        Span<char> chars = stackalloc char[MaxChars];
        var written = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
            ? reader.CopyString(chars)
            : System.Text.Encoding.UTF8.GetChars(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan, chars);
        var text = chars[..written];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(made);
        }

        return made;
    }

    /// <summary>
    /// A string value: short ones through a fixed table of recent texts (one slot per hash, the last text wins), so
    /// the values an export repeats (namespaces, kinds, API versions, images) are shared while unique ones (uids,
    /// timestamps) only replace each other; the table never grows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string GetValue(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxValueChars)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxValueChars];
        var text = chars[..reader.CopyString(chars)];
        var slot = string.GetHashCode(text) & (RecentSlots - 1);
        if (_recent[slot] is { } known && text.SequenceEqual(known))
        {
            return known;
        }

        var made = new string(text);
        _recent[slot] = made;
        return made;
    }

    /// <summary>
    /// A key read by another parser (YAML), as one shared string: the first string of each text is kept (bounded as
    /// <see cref="Get"/>), so the keys an export repeats millions of times are one string each.
    /// </summary>
    public string ShareName(string text)
    {
        if (text.Length > MaxChars)
        {
            return text;
        }

        if (_strings.TryGetValue(text, out var known))
        {
            return known;
        }

        if (_strings.Count < MaxEntries)
        {
            _strings.Add(text);
        }

        return text;
    }

    /// <summary>A string value read by another parser (YAML), shared through the table of recent texts as <see cref="GetValue"/> does.</summary>
    public string ShareValue(string text)
    {
        if (text.Length > MaxValueChars)
        {
            return text;
        }

        var slot = string.GetHashCode(text) & (RecentSlots - 1);
        if (_recent[slot] is { } known && string.Equals(text, known, StringComparison.Ordinal))
        {
            return known;
        }

        _recent[slot] = text;
        return text;
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
            ? reader.GetString()!
            : System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
}
