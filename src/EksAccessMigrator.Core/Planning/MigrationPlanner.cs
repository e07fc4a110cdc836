using System.Collections.Immutable;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// The planner: a pure function from what was scanned and what was asked to a plan. No I/O, no clock
/// (the creation time comes in the options), no randomness.
/// </summary>
public static class MigrationPlanner
{
    public static MigrationPlan Plan(ClusterInventory inventory, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Phase))
        {
            throw new ArgumentException($"Unknown phase '{options.Phase}'.", nameof(options));
        }

        if (options.TargetAuthenticationMode is not null and not AuthenticationMode.Api)
        {
            throw new ArgumentException($"The only target mode is {AuthenticationMode.Api.Wire()}.", nameof(options));
        }

        var findings = new FindingList();
        var changes = new List<PlanChange>();
        var noOps = new List<PlanNoOp>();
        var read = new List<string>();
        var cluster = inventory.Cluster;

        // Workload identity does not depend on the aws-auth half: it is planned meanwhile on another thread, into
        // findings of its own that are added where they always were (before the node roles), so the plan is the same.
        var workloadFindings = new FindingList();
        var workloads = new Workloads.WorkloadIdentityPlanner(inventory, options, workloadFindings);
        var planningWorkloads = Task.Run(workloads.Plan);

        var desired = ImmutableArray<DesiredAccessEntry>.Empty;
        AwsAuthContents? contents = null;
        if (inventory.AwsAuth is null)
        {
            findings.Add(ProjectFindings.NoAwsAuth());
        }
        else
        {
            contents = AwsAuthParser.Parse(inventory.AwsAuth);
            findings.AddRange(contents.Findings);
            read.AddRange(contents.EntriesRead);
            if (!AuthenticationMode.ReadsConfigMap(cluster.AuthenticationMode))
            {
                findings.Add(ModeFindings.AwsAuthIgnored(cluster, contents.EntriesRead));
            }
            else
            {
                if (cluster.AuthenticationMode == AuthenticationMode.ApiAndConfigMap && inventory.ExistingAccessEntries is null)
                {
                    findings.Add(ProjectFindings.ExistingEntriesUnknown(cluster));
                }

                desired = DesiredAccessEntries.From(contents, inventory, options, findings);
                AccessPolicySuggestions.Report(desired, inventory.Workloads.RbacBindings, cluster.Partition, findings);
            }
        }

        var access = new AccessEntryChanges(inventory, findings);
        access.Plan(desired);

        if (options.Phase == PlanPhase.Migrate)
        {
            changes.AddRange(access.Changes);
            noOps.AddRange(access.NoOps);
            if (changes.Count > 0 && cluster.AuthenticationMode == AuthenticationMode.ConfigMap)
            {
                changes.Add(new UpdateClusterConfigChange
                {
                    Address = Addresses.AuthenticationMode,
                    AuthenticationMode = AuthenticationMode.ApiAndConfigMap,
                    Reversible = false,
                    Sources = ["cluster/accessConfig"],
                });
            }
        }
        else
        {
            // Access entries are created in the migrate phase; a later phase only reports what is still missing.
            noOps.AddRange(access.NoOps);
            if (access.Changes.Count > 0)
            {
                var pending = access.Changes.OrderBy(c => c.Address, StringComparer.Ordinal).ToList();
                findings.Add(ProjectFindings.AccessEntryChangesPending([.. pending.Select(c => c.Address)], options.Phase, pending.SelectMany(c => c.Sources).Distinct()));
            }
        }

        planningWorkloads.GetAwaiter().GetResult();
        findings.AddRange(workloadFindings.Items);
        var nodeRoles = NodeRolePosture.Plan(inventory, options, workloads.AgentRolesMigrated, workloads.StillOnAgents, findings, changes);
        var ec2Nodes = desired.Any(d => d.Type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows);
        var agents = inventory.Workloads.Agents.Any(a => a.Agent is IdentityAgentKinds.Kube2iam or IdentityAgentKinds.KiamAgent or IdentityAgentKinds.KiamServer);
        if (ec2Nodes || agents)
        {
            // Rule N4: whatever the node role keeps, a pod on an EC2 node reaches it through instance metadata.
            findings.Add(PostureFindings.MetadataReachableFromPods(agents));
        }

        if (inventory.AwsAuth is null && workloads.Read.Count == 0 && inventory.Workloads.Agents.IsEmpty)
        {
            findings.Add(ProjectFindings.NoIdentityInInputs());
        }
        changes.AddRange(workloads.Changes);
        noOps.AddRange(workloads.NoOps);
        read.AddRange(workloads.Read);

        if (options.Phase == PlanPhase.Finalize && contents is not null && inventory.ExistingAccessEntries is not null
            && AuthenticationMode.ReadsConfigMap(cluster.AuthenticationMode)
            && AwsAuthCleanup.Plan(inventory.AwsAuth!, contents, desired, access.Changes, access.Overridden, findings) is { } cleanup)
        {
            changes.Add(cleanup);
        }

        if (options.Phase == PlanPhase.Finalize && options.TargetAuthenticationMode == AuthenticationMode.Api)
        {
            PlanApiSwitch(inventory, options, desired, access.Changes, findings, changes);
        }

        var sortedChanges = changes.OrderBy(c => c.Stage).ThenBy(c => c.Address, StringComparer.Ordinal).ToImmutableArray();
        var sortedNoOps = noOps.OrderBy(n => n.Address, StringComparer.Ordinal).ToImmutableArray();
        var sortedFindings = findings.ToSortedArray();
        var plan = new MigrationPlan
        {
            FormatVersion = MigrationPlan.CurrentFormatVersion,
            ToolVersion = options.ToolVersion,
            CreatedAt = options.CreatedAt,
            Phase = options.Phase,
            Options = PlanOptionsRecord.From(options, inventory),
            Cluster = new PlanCluster(cluster.Name, cluster.Region, cluster.AccountId, cluster.Partition, cluster.AuthenticationMode) { Arn = cluster.LiveArn, KubeSystemUid = cluster.KubeSystemUid },
            Summary = PlanSummary.Of(sortedChanges, sortedNoOps, sortedFindings),
            Changes = sortedChanges,
            NoOps = sortedNoOps,
            Findings = sortedFindings,
            NodeRoles = nodeRoles,
            AwsAuthRead = inventory.AwsAuth is null ? null : Plans.AwsAuthRead.Of(inventory.AwsAuth.Data.Select(d => KeyValuePair.Create(d.Key, d.IsString ? d.Text : null))),
        };

        var dropped = SourceAccounting.Unaccounted(read, plan);
        if (!dropped.IsEmpty)
        {
            throw new InvalidOperationException($"Planner bug: invariant I4 violated; these inputs ended nowhere: {string.Join(", ", dropped)}.");
        }

        return plan;
    }

    private static void PlanApiSwitch(
        ClusterInventory inventory,
        PlannerOptions options,
        ImmutableArray<DesiredAccessEntry> desired,
        IReadOnlyCollection<PlanChange> pending,
        FindingList findings,
        List<PlanChange> changes)
    {
        if (inventory.Cluster.AuthenticationMode == AuthenticationMode.Api)
        {
            return;
        }

        var reasons = ApiModeGuard.Reasons(inventory, options, desired, pending, findings);
        if (reasons.IsEmpty)
        {
            changes.Add(new UpdateClusterConfigChange
            {
                Address = Addresses.AuthenticationMode,
                AuthenticationMode = AuthenticationMode.Api,
                BackupAwsAuth = true,
                Reversible = false,
                Sources = ["cluster/accessConfig", "option:--target-mode"],
            });
            return;
        }

        findings.Add(ModeFindings.ApiSwitchUnsafe(reasons));
    }
}
