using System.Collections.Immutable;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Reports;

/// <summary>
/// What <c>verify</c> reports: each subject of a saved plan (or, without one, of the migrate phase) checked against a
/// plan derived again from the live cluster with the same options. A change the cluster no longer needs is done
/// (<c>ok</c>); one it still needs as planned is <c>missing</c>; one it needs differently is <c>different</c>.
/// </summary>
public sealed record VerificationReport(PlanCluster Cluster, Planning.PlanPhase Phase, ImmutableArray<VerifiedSubject> Subjects)
{
    public bool AllOk => Subjects.All(s => s.Status == VerifiedSubject.Ok);

    /// <summary>Checks the changes of <paramref name="saved"/> against <paramref name="current"/> (same phase, derived now).</summary>
    public static VerificationReport ForPlan(MigrationPlan saved, MigrationPlan current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);
        var now = current.Changes.ToDictionary(c => c.Address, StringComparer.Ordinal);
        var overridden = Overridden(current).GroupBy(f => f.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var subjects = saved.Changes.Select(change =>
        {
            if (change is UpdateClusterConfigChange mode)
            {
                var reached = ModeRank(current.Cluster.AuthenticationMode) >= ModeRank(mode.AuthenticationMode);
                return new VerifiedSubject(change.Address, change.Action, reached ? VerifiedSubject.Ok : VerifiedSubject.Missing,
                    $"authentication mode is {current.Cluster.AuthenticationMode.Wire()}, plan wants {mode.AuthenticationMode.Wire()}");
            }

            if (PrincipalOf(change) is { } principal && overridden.TryGetValue(principal, out var finding))
            {
                // Rule A9: an entry that exists but differs is never changed by a plan; it is different, not done.
                return new VerifiedSubject(change.Address, change.Action, VerifiedSubject.Different, finding.Message);
            }

            if (!now.TryGetValue(change.Address, out var still))
            {
                return new VerifiedSubject(change.Address, change.Action, VerifiedSubject.Ok, "in place");
            }

            return PlanJson.SerializeChange(still) == PlanJson.SerializeChange(change)
                ? new VerifiedSubject(change.Address, change.Action, VerifiedSubject.Missing, "not applied yet")
                : new VerifiedSubject(change.Address, change.Action, VerifiedSubject.Different, $"the cluster now needs: {PlanJson.SerializeChange(still)}");
        });
        return new VerificationReport(current.Cluster, saved.Phase, [.. subjects.OrderBy(s => s.Address, StringComparer.Ordinal)]);
    }

    /// <summary>Without a saved plan: every subject of a freshly derived migrate-phase plan.</summary>
    public static VerificationReport ForCluster(MigrationPlan current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var subjects = current.NoOps.Select(n => new VerifiedSubject(n.Address, "-", VerifiedSubject.Ok, n.Reason))
            .Concat(current.Changes.Select(c => new VerifiedSubject(
                c.Address,
                c.Action,
                c.Action.StartsWith("Create", StringComparison.Ordinal) || c.Action.StartsWith("Associate", StringComparison.Ordinal) ? VerifiedSubject.Missing : VerifiedSubject.Different,
                "not applied yet")))
            .Concat(Overridden(current).Select(f => new VerifiedSubject(f.Subject, f.Code, VerifiedSubject.Different, f.Message)))
            .Concat(current.Findings.Where(f => f.Severity == Severity.Blocker).Select(f => new VerifiedSubject(f.Subject, f.Code, VerifiedSubject.Blocked, f.Message)));
        return new VerificationReport(current.Cluster, current.Phase, [.. subjects.OrderBy(s => s.Address, StringComparer.Ordinal)]);
    }

    /// <summary>The report with more subjects (rule K16, access-entry ages), kept in address order.</summary>
    public VerificationReport With(IEnumerable<VerifiedSubject> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return this with { Subjects = [.. Subjects.Concat(more).OrderBy(s => s.Address, StringComparer.Ordinal)] };
    }

    /// <summary>Access entries that exist with another identity than aws-auth's row (rule A9).</summary>
    private static IEnumerable<Finding> Overridden(MigrationPlan plan) =>
        plan.Findings.Where(f => f.Code is Findings.FindingCodes.AwsAuthRowOverridden or Findings.FindingCodes.AccessEntryConflict);

    private static string? PrincipalOf(PlanChange change) => change switch
    {
        CreateAccessEntryChange c => c.PrincipalArn,
        AssociateAccessPolicyChange a => a.PrincipalArn,
        _ => null,
    };

    private static int ModeRank(Inventory.AuthenticationMode mode) => mode switch
    {
        Inventory.AuthenticationMode.ConfigMap => 0,
        Inventory.AuthenticationMode.ApiAndConfigMap => 1,
        _ => 2,
    };
}
