using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// One entry of the finding catalogue: the permanent code, its severity and the rule (docs/mapping-rules*.md) that
/// decides it. The catalogue's factories (<see cref="AwsAuthFindings"/>, <see cref="AccessEntryFindings"/>,
/// <see cref="ModeFindings"/>, <see cref="WorkloadFindings"/>, <see cref="IrsaFindings"/>,
/// <see cref="ProjectFindings"/>) word the message; a call site only passes facts.
/// </summary>
public sealed record FindingDescriptor(string Code, Severity Severity, string Rule)
{
    /// <summary>The finding, its sources sorted (rule I3).</summary>
    internal Finding Create(string subject, string message, IEnumerable<string> sources) =>
        new(Code, Severity, subject, message, [.. sources.Order(StringComparer.Ordinal)]);

    internal Finding Create(string subject, string message, string source) => Create(subject, message, [source]);

    internal Finding Create(string subject, string message) => Create(subject, message, []);
}
