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

        var desired = ImmutableArray<DesiredAccessEntry>.Empty;
        AwsAuthContents? contents = null;
        if (inventory.AwsAuth is null)
        {
            findings.Info(FindingCodes.AwsAuthNotFound, "aws-auth",
                "No kube-system/aws-auth ConfigMap was found in the inputs, so there are no aws-auth mappings to migrate. If the cluster has one, add its export to --from.");
        }
        else
        {
            contents = AwsAuthParser.Parse(inventory.AwsAuth);
            findings.AddRange(contents.Findings);
            read.AddRange(contents.EntriesRead);
            if (!AuthenticationMode.ReadsConfigMap(cluster.AuthenticationMode))
            {
                findings.Warning(FindingCodes.AwsAuthNotInEffect, "aws-auth",
                    $"The cluster is in {cluster.AuthenticationMode.Wire()} mode, where aws-auth is ignored, so its {contents.EntriesRead.Length} mapping(s) grant nothing today. Migrating them would grant access that is not in effect, so none is planned. Delete aws-auth once you no longer need it as a record.",
                    [.. contents.EntriesRead]);
            }
            else
            {
                if (cluster.AuthenticationMode == AuthenticationMode.ApiAndConfigMap && inventory.ExistingAccessEntries is null)
                {
                    findings.Warning(FindingCodes.AccessEntriesUnknown, "cluster/access-entries",
                        $"The cluster is in {cluster.AuthenticationMode.Wire()} mode, but its existing access entries are unknown (an offline plan without --access-entries). An existing entry overrides its aws-auth row (rule A9) and CreateAccessEntry fails for a principal that already has one, so this plan may create entries that exist. Export them as docs/plan-format.md describes and pass --access-entries, or plan live.");
                }

                desired = DesiredAccessEntries.From(contents, inventory, options, findings);
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
                findings.Warning(FindingCodes.MigrateChangesPending, "aws-auth",
                    $"{pending.Count} access-entry change(s) of the {PlanPhase.Migrate.Wire()} phase are not applied yet ({string.Join(", ", pending.Take(5).Select(c => c.Address))}{(pending.Count > 5 ? ", ..." : string.Empty)}). The {options.Phase.Wire()} phase does not make them; plan and apply the {PlanPhase.Migrate.Wire()} phase first.",
                    [.. pending.SelectMany(c => c.Sources).Distinct()]);
            }
        }

        var workloads = new Workloads.WorkloadIdentityPlanner(inventory, options, findings);
        workloads.Plan();
        var ec2Nodes = desired.Any(d => d.Type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows);
        var agents = inventory.Workloads.Agents.Any(a => a.Agent is IdentityAgentKinds.Kube2iam or IdentityAgentKinds.KiamAgent or IdentityAgentKinds.KiamServer);
        if (ec2Nodes || agents)
        {
            // Rule N4: whatever the node role keeps, a pod on an EC2 node reaches it through instance metadata.
            findings.Info(FindingCodes.ImdsReachableFromPods, "cluster/nodes",
                $"Pods on EC2 nodes reach the node role's credentials through the instance metadata service unless it is limited to the host{(agents ? " (kube2iam and kiam work by intercepting exactly that)" : string.Empty)}. Check each launch template or node class: 'aws ec2 describe-launch-template-versions --launch-template-id ID --query \"LaunchTemplateVersions[].LaunchTemplateData.MetadataOptions\"' should show HttpTokens required and HttpPutResponseHopLimit 1 (Karpenter: metadataOptions.httpPutResponseHopLimit: 1 in the EC2NodeClass). {(agents ? "Limit it only after cutover, once no workload uses kube2iam or kiam; " : string.Empty)}pods with hostNetwork still reach it.");
        }

        if (inventory.AwsAuth is null && workloads.Read.Count == 0 && inventory.Workloads.Agents.IsEmpty)
        {
            findings.Warning(FindingCodes.NothingToMigrate, "inputs",
                "The inputs hold neither kube-system/aws-auth nor any kube2iam, kiam or IRSA workload identity, so this plan migrates nothing. If the cluster uses them, the export is incomplete: add the aws-auth ConfigMap and the workloads (kubectl get configmap,deployments,statefulsets,daemonsets,cronjobs,jobs,pods,serviceaccounts,namespaces -A -o yaml) to --from.");
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
            Options = PlanOptionsRecord.From(options),
            Cluster = new PlanCluster(cluster.Name, cluster.Region, cluster.AccountId, cluster.Partition, cluster.AuthenticationMode) { Arn = cluster.LiveArn, KubeSystemUid = cluster.KubeSystemUid },
            Summary = PlanSummary.Of(sortedChanges, sortedNoOps, sortedFindings),
            Changes = sortedChanges,
            NoOps = sortedNoOps,
            Findings = sortedFindings,
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

        findings.Blocker(FindingCodes.ApiModeUnsafe, "cluster/authentication-mode",
            $"Switching to API mode now could lock principals out, so it is not planned: {string.Join("; ", reasons)}. Resolve these and plan the finalize phase again.",
            "option:--target-mode");
    }
}
