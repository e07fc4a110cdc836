using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// The facts of a role that cannot be known or verified (rule K3): <paramref name="Value"/> is the annotation or ARN
/// text, <paramref name="Detail"/> the base-ARN problem or the parse error, <paramref name="Asked"/> the ARN STS was
/// asked for and <paramref name="Found"/> the role of that name under another path.
/// </summary>
internal sealed record RoleProblem(RoleProblemKind Kind, string Value, string? Detail = null, IamPrincipalArn? Asked = null, IamPrincipalArn? Found = null);
