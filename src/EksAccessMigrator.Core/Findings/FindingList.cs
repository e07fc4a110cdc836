using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>Collects findings while planning; expected problems are collected, never thrown.</summary>
public sealed class FindingList
{
    private readonly List<Finding> _items = [];

    public IReadOnlyList<Finding> Items => _items;

    /// <summary>Adds a finding built by the catalogue (<see cref="FindingDescriptor"/>), which owns its code, severity and wording.</summary>
    public void Add(Finding finding) => _items.Add(finding);

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
}
