using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// The precondition of the switch to API mode (rule M2): the principal running apply and every break-glass
/// principal of the plan keep an access entry with AmazonEKSClusterAdminPolicy at cluster scope.
/// </summary>
internal static class ClusterAdmins
{
    private const string ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy";

    /// <summary>Each principal that would lose access, described; empty when none would.</summary>
    public static async Task<List<string>> MissingAsync(StepContext ctx, CancellationToken ct)
    {
        var caller = await ctx.Clients.CallerIdentity.GetCallerIdentityAsync(ct).ConfigureAwait(false);
        var wanted = new List<(string Label, string Arn)> { ("the principal running apply", caller.Arn) };
        wanted.AddRange((ctx.Plan?.Options.BreakGlassArns ?? []).Select(a => ("break-glass principal", a)));
        var entries = new List<IamPrincipalArn>();
        await foreach (var arn in ctx.Clients.AccessEntries.ListAsync(ctx.ClusterName, ct).ConfigureAwait(false))
        {
            if (IamPrincipalArn.TryParse(arn, out var parsed, out _))
            {
                entries.Add(parsed);
            }
        }

        var missing = new List<string>();
        foreach (var (label, arn) in wanted)
        {
            var principal = CallerArn.ToPrincipal(arn);
            var entry = principal is null ? null : entries.FirstOrDefault(e => Same(e, principal));
            if (entry is null || !await IsAdminAsync(ctx, entry.ToString(), ct).ConfigureAwait(false))
            {
                missing.Add($"{label} {principal?.ToString() ?? arn} (no access entry with {ClusterAdminPolicy} at cluster scope)");
            }
        }

        return missing;
    }

    private static async Task<bool> IsAdminAsync(StepContext ctx, string principalArn, CancellationToken ct)
    {
        var entry = await ctx.Clients.AccessEntries.DescribeAsync(ctx.ClusterName, principalArn, ct).ConfigureAwait(false);
        if (entry is null || !string.Equals(entry.Type ?? "STANDARD", "STANDARD", StringComparison.Ordinal))
        {
            return false;
        }

        var policies = await ctx.Clients.AccessEntries.ListAssociatedPoliciesAsync(ctx.ClusterName, principalArn, ct).ConfigureAwait(false) ?? [];
        return policies.Any(policy => policy.PolicyArn.EndsWith("/" + ClusterAdminPolicy, StringComparison.Ordinal) && (policy.Scope is null || policy.Scope.Type == Core.Plans.AccessScopeType.Cluster.Wire()));
    }

    /// <summary>Roles compare by account and name, case-insensitively and path aside (as IAM and the planner do); users exactly.</summary>
    private static bool Same(IamPrincipalArn a, IamPrincipalArn b) =>
        a.Kind == b.Kind && string.Equals(a.AccountId, b.AccountId, StringComparison.Ordinal)
        && (a.Kind == IamPrincipalKind.Role ? string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) : string.Equals(a.ToString(), b.ToString(), StringComparison.Ordinal));
}
