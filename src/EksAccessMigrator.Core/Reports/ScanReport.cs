using System.Collections.Immutable;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Reports;

/// <summary>What a scan found, for the <c>scan</c> command's views.</summary>
/// <param name="Origin">What was read: files and objects, or the live cluster.</param>
public sealed record ScanReport(
    string Origin,
    string? AwsAuthLocation,
    ImmutableArray<ScannedMapping> Mappings,
    ImmutableArray<string> Accounts,
    ImmutableArray<Finding> Findings,
    ImmutableArray<ScannedAgent> Agents,
    ImmutableArray<ScannedWorkload> Workloads)
{
    public const string DefaultRoleKey = "iam.amazonaws.com/role";

    /// <summary>The node roles' posture (rules N1-N3), as the plan would show it; null when their policies were not read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<PlanNodeRole>? NodeRoles { get; init; }

    /// <summary>The cluster an offline scan is judged against: it has no cluster facts (only the role lines are shown).</summary>
    private static readonly ClusterContext Unknown = new("scan", "us-east-1", "000000000000", "aws", AuthenticationMode.ConfigMap);

    /// <summary>
    /// The posture of an offline scan's node roles (rules N1-N3): <paramref name="policies"/> (from
    /// get-account-authorization-details files) judged against the scanned aws-auth and agents; null without them.
    /// </summary>
    public static ImmutableArray<PlanNodeRole>? PostureOf(AwsAuthConfigMap? awsAuth, WorkloadInventory workloads, NodeRolePolicies? policies, string? roleKey) =>
        policies is null ? null : PostureOf(new ClusterInventory(Unknown, awsAuth, IamSnapshot.Empty, null, null) { Workloads = workloads, NodeRoles = policies }, roleKey);

    /// <summary>The posture of the inventory's node roles, decided as the planner decides it (a migrate plan's view).</summary>
    public static ImmutableArray<PlanNodeRole>? PostureOf(ClusterInventory inventory, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return inventory.NodeRoles is null
            ? null
            : Planning.MigrationPlanner.Plan(inventory with { Workloads = inventory.Workloads with { IamRoleKey = roleKey ?? inventory.Workloads.IamRoleKey } }, new Planning.PlannerOptions()).NodeRoles;
    }

    public const string IrsaKey = "eks.amazonaws.com/role-arn";

    /// <param name="cluster">The cluster, when known (live); offline scans judge the agents without it.</param>
    public static ScanReport From(string origin, AwsAuthConfigMap? awsAuth, WorkloadInventory workloads, string? roleKey = null, ClusterContext? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var key = roleKey ?? DefaultRoleKey;
        var agents = workloads.Agents
            .Select(a => new ScannedAgent(a.Agent, a.Key, a.Args, a.Location.ToString()))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToImmutableArray();

        // Only what the agent really hands out: not hostNetwork pods, not roles a namespace restriction refuses, not
        // pods whose ServiceAccount's IRSA role wins, and a pod owned by a workload counts for its owner (K2).
        var inventory = new ClusterInventory(cluster ?? Unknown, null, IamSnapshot.Empty, null, null) { Workloads = workloads with { IamRoleKey = roleKey } };
        var given = Planning.Workloads.RolesGivenToday.Of(inventory, new Planning.WorkloadIdentityOptions());
        var annotated = workloads.Workloads
            .Where(w => w.PodAnnotations.ContainsKey(key) && given.TryGetValue(w.Key, out var today) && (today.Role is not null || !today.Known))
            .Select(w => new ScannedWorkload(w.Key, given[w.Key].Known ? "pod annotation" : "pod annotation (not verifiable from the inputs)", w.EffectiveServiceAccount, w.PodAnnotations[key], w.Location.ToString()));
        var irsa = workloads.ServiceAccounts
            .Where(s => s.Annotations.ContainsKey(IrsaKey))
            .Select(s => new ScannedWorkload($"{s.Namespace}/ServiceAccount/{s.Name}", "IRSA", s.Name, s.Annotations[IrsaKey], s.Location.ToString()));
        var custom = workloads.AnnotatedObjects
            .Select(o => new ScannedWorkload(o.Key, $"custom resource ({o.Path})", null, o.Value, o.Location.ToString()));
        var rows = annotated.Concat(irsa).Concat(custom).OrderBy(r => r.Key, StringComparer.Ordinal).ToImmutableArray();

        if (awsAuth is null)
        {
            return new ScanReport(origin, null, [], [], [], agents, rows);
        }

        var contents = AwsAuthParser.Parse(awsAuth);
        var inEffect = contents.Mappings.Select(m => m.Source).ToHashSet(StringComparer.Ordinal);
        var mappings = contents.Mappings
            .Select(Row)
            .Concat(contents.EntriesRead
                .Where(s => !inEffect.Contains(s) && !s.Contains(AwsAuthSection.MapAccounts, StringComparison.Ordinal))
                .Select(s => new ScannedMapping(s, "(not in effect: see findings)", null, [], InEffect: false)))
            .OrderBy(r => SectionOf(r.Source), StringComparer.Ordinal)
            .ThenBy(r => IndexOf(r.Source))
            .ToImmutableArray();
        return new ScanReport(
            origin,
            awsAuth.Location.ToString(),
            mappings,
            [.. contents.Accounts.Select(a => a.AccountId)],
            [.. contents.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)],
            agents,
            rows);
    }

    /// <summary><c>aws-auth/mapRoles</c> of <c>aws-auth/mapRoles[10]</c>, so rows sort by section, then by number.</summary>
    private static string SectionOf(string source) => source.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 ? source[..i] : source;

    private static int IndexOf(string source) =>
        source.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 && int.TryParse(source.AsSpan(i + 1, source.Length - i - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;

    private static ScannedMapping Row(AwsAuthMapping mapping) =>
        new(
            mapping.Source,
            mapping.Arn ?? $"sso: {mapping.Sso!.PermissionSetName} in {mapping.Sso.AccountId}",
            mapping.Username,
            mapping.Groups,
            InEffect: true);
}
