using System.Security.Cryptography;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>
/// The journal's hash chain: every record carries <c>prev</c>, the SHA-256 of the previous line's bytes; the
/// header's <c>prev</c> is the plan's hash, so the chain is anchored in the reviewed plan file.
/// </summary>
internal static class JournalChain
{
    public const string Field = "prev";

    /// <summary>Lower-case hex SHA-256 of one line's UTF-8 bytes (without its line end).</summary>
    public static string Hash(ReadOnlySpan<byte> line) => Convert.ToHexStringLower(SHA256.HashData(line));
}
