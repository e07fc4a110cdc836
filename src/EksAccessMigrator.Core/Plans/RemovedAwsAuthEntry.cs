using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// An aws-auth row the finalize phase removes, with what identifies it, so that apply can find the same row again
/// when someone edited aws-auth in between (it is matched by content, never by position).
/// </summary>
public sealed record RemovedAwsAuthEntry(
    string Source,
    string Section,
    string? Arn,
    string? SsoPermissionSetName,
    string? SsoAccountId,
    string? Username,
    ImmutableArray<string> Groups,
    string Reason);
