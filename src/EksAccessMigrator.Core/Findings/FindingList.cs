using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>Collects findings while planning; expected problems are collected, never thrown.</summary>
public sealed class FindingList
{
    private readonly List<Finding> _items = [];

    public IReadOnlyList<Finding> Items => _items;

    public void Blocker(string code, string subject, string message, params string[] sources) => Add(code, Severity.Blocker, subject, message, sources);

    public void Warning(string code, string subject, string message, params string[] sources) => Add(code, Severity.Warning, subject, message, sources);

    public void Info(string code, string subject, string message, params string[] sources) => Add(code, Severity.Info, subject, message, sources);

    public void AddRange(IEnumerable<Finding> findings) => _items.AddRange(findings);

    public bool AnyBlocker => _items.Any(f => f.Severity == Severity.Blocker);

    public ImmutableArray<Finding> ToSortedArray() =>
        _items.DistinctBy(f => (f.Code, f.Severity, f.Subject, f.Message, string.Join('\n', f.Sources)))
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => string.Join('\n', f.Sources), StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToImmutableArray();

    private void Add(string code, Severity severity, string subject, string message, string[] sources) =>
        _items.Add(new Finding(code, severity, subject, message, [.. sources.Order(StringComparer.Ordinal)]));
}
