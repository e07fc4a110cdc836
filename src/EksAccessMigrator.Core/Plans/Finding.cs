using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>An expected problem or a fact a reviewer must see. Codes are permanent (see <see cref="Findings.FindingCodes"/>).</summary>
public sealed record Finding(string Code, Severity Severity, string Subject, string Message, ImmutableArray<string> Sources);
