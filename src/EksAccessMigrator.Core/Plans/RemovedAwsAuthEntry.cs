using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// An aws-auth row the finalize phase removes, with what identifies it, so that apply can find the same row again
/// when someone edited aws-auth in between (it is matched by content, never by position).
/// </summary>
public sealed record RemovedAwsAuthEntry
{
    public required string Source { get; init; }

    public required string Section { get; init; }

    /// <summary>rolearn or userarn; absent for an sso matcher.</summary>
    public string? Arn { get; init; }

    public string? SsoPermissionSetName { get; init; }

    public string? SsoAccountId { get; init; }

    public string? Username { get; init; }

    public required ImmutableArray<string> Groups { get; init; }

    public required string Reason { get; init; }
}
