using System.Collections.Immutable;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>
/// One well-formed entry of mapRoles or mapUsers, as the authenticator would use it: exactly one of
/// <see cref="Arn"/> and <see cref="Sso"/> is set.
/// </summary>
/// <param name="Section"><see cref="AwsAuthSection.MapRoles"/> or <see cref="AwsAuthSection.MapUsers"/>.</param>
/// <param name="Index">Position in its section, from 0.</param>
/// <param name="Arn">rolearn or userarn as written.</param>
/// <param name="Sso">The sso matcher, for mapRoles entries that use one.</param>
/// <param name="Username">The username, or null when absent or empty.</param>
/// <param name="Groups">The groups, in order.</param>
/// <param name="UserId">The userid field, when present.</param>
public sealed record AwsAuthMapping(
    string Section,
    int Index,
    string? Arn,
    SsoMatcher? Sso,
    string? Username,
    ImmutableArray<string> Groups,
    string? UserId)
{
    public string Source => AwsAuthSection.Source(Section, Index);

    public bool IsRoleSection => Section == AwsAuthSection.MapRoles;
}
