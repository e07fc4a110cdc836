using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// kube2iam, kiam and IRSA to EKS Pod Identity (rules K1-K14, R1-R4): reads the configuration, judges every
/// workload, groups them by ServiceAccount without escalation (I2) and emits the changes of the asked phase.
/// </summary>
internal sealed class WorkloadIdentityPlanner(ClusterInventory inventory, PlannerOptions options, FindingList findings)
{
    private static readonly HashSet<string> Restartable = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"];

    private readonly ServiceAccountIndex _accounts = new(inventory);

    public List<PlanChange> Changes { get; } = [];

    public List<PlanNoOp> NoOps { get; } = [];

    /// <summary>Every annotation, flag and ServiceAccount read (invariant I4).</summary>
    public List<string> Read { get; } = [];

    /// <summary>Roles the agents hand out that move to Pod Identity (rule N2's "migrated roles"), sorted.</summary>
    public List<string> AgentRolesMigrated { get; } = [];

    /// <summary>Workloads that get (or may get) a role from kube2iam/kiam today and are not migrated (rule N2 keeps the assume permission for them).</summary>
    public List<string> StillOnAgents { get; } = [];

    public void Plan()
    {
        var workloads = inventory.Workloads;
        var config = IdentityConfigurationReader.Read(workloads, options.Workloads, inventory.Cluster, findings);
        ReportConfiguration(config);
        ReportAnnotatedObjects(config);

        var planned = WorkloadOwnership.Planned(workloads.Workloads, config.RoleKey, findings, Read);
        var assessed = new WorkloadAssessor(inventory, config, _accounts, findings, Read).Assess(planned);
        var requests = new ServiceAccountPlanner(inventory, _accounts, findings).Plan(assessed);
        requests.AddRange(IrsaServiceAccounts.Requests(inventory, options.Workloads.IncludeIrsa, assessed, findings, Read));

        var (accepted, satisfied) = ExistingAssociations(requests);
        var moving = accepted.Concat(satisfied).Where(r => !r.Irsa).ToList();
        var movingKeys = moving.SelectMany(r => r.Workloads).Select(w => w.Workload.Key).ToHashSet(StringComparer.Ordinal);
        AgentRolesMigrated.AddRange(moving.Select(r => r.Role.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        StillOnAgents.AddRange(assessed.Where(a => a.AnnotationValue is not null && a.HadKey != AssessedWorkload.NoRole && !movingKeys.Contains(a.Workload.Key))
            .Select(a => a.Workload.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var trust = new TrustPolicyPlanner(inventory, findings);
        switch (options.Phase)
        {
            case PlanPhase.Migrate:
                PlanMigrate(accepted, trust);
                foreach (var r in satisfied.Where(r => r.Dedicated))
                {
                    // The association exists (an interrupted apply of this tool): the rest is still to do.
                    PlanDedicated(r);
                }

                break;
            case PlanPhase.Cutover:
                Pending(accepted);
                PlanCutover([.. accepted, .. satisfied], config);
                break;
            default:
                Pending(accepted);
                trust.PlanRemovals([.. accepted, .. satisfied], assessed, config, inventory.Cluster.OidcIssuer, Changes, NoOps);
                break;
        }
    }

    private void ReportConfiguration(IdentityConfiguration config)
    {
        if (config.Sources.IsEmpty)
        {
            return;
        }

        Read.AddRange(config.Sources);
        findings.Add(ProjectFindings.ConfigurationInEffect(config.IsKiam, config.Settings, config.Sources));
    }

    private void ReportAnnotatedObjects(IdentityConfiguration config)
    {
        foreach (var o in inventory.Workloads.AnnotatedObjects.OrderBy(o => o.Key, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal))
        {
            var source = $"{o.Key}:{o.Path}";
            Read.Add(source);
            findings.Add(WorkloadFindings.AnnotationOutsidePodTemplate(o.Key, o, config.RoleKey, source));
        }
    }

    /// <summary>Rule K13: an association that exists with the same role is done; with another role, or owned by an add-on, it is a conflict.</summary>
    private (List<AssociationRequest> Accepted, List<AssociationRequest> Satisfied) ExistingAssociations(List<AssociationRequest> requests)
    {
        var accepted = new List<AssociationRequest>();
        var satisfied = new List<AssociationRequest>();
        var byServiceAccount = new Dictionary<(string, string), ExistingPodIdentityAssociation>();
        foreach (var a in inventory.Workloads.ExistingAssociations ?? [])
        {
            byServiceAccount.TryAdd((a.Namespace, a.ServiceAccount), a);
        }

        foreach (var r in requests.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var existing = byServiceAccount.GetValueOrDefault((r.Namespace, r.ServiceAccount));
            if (existing is null)
            {
                accepted.Add(r);
                continue;
            }

            var same = IamPrincipalArn.TryParse(existing.RoleArn, out var role, out _) && RoleResolver.Same(role, r.Role);
            if (existing.OwnerArn is not null || !same)
            {
                findings.Add(WorkloadFindings.ExistingAssociation(r.Key, existing, r.Role, r.Sources));
                continue;
            }

            NoOps.Add(new PlanNoOp(Address(r), $"the association with {existing.RoleArn} exists", r.Sources));
            satisfied.Add(r);
        }

        return (accepted, satisfied);
    }

    private void PlanMigrate(List<AssociationRequest> accepted, TrustPolicyPlanner trust)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        Agent();
        trust.PlanAdditions(accepted, Changes, NoOps);
        foreach (var r in accepted)
        {
            if (r.Dedicated)
            {
                PlanDedicated(r);
            }

            Changes.Add(new CreatePodIdentityAssociationChange
            {
                Address = Address(r),
                Namespace = r.Namespace,
                ServiceAccount = r.ServiceAccount,
                RoleArn = r.Role.ToString(),
                Reversible = true,
                Sources = r.Sources,
            });
        }
    }

    /// <summary>Rule K5: the dedicated ServiceAccount (unless this tool's own exists already) and the switch of the pod template to it.</summary>
    private void PlanDedicated(AssociationRequest r)
    {
        var w = r.Workloads[0].Workload;
        var old = _accounts.Find(w.Namespace, w.EffectiveServiceAccount);
        if (_accounts.IsOwnedFor(r.Namespace, r.ServiceAccount, w.Key))
        {
            NoOps.Add(new PlanNoOp($"service-account/{r.Namespace}/{r.ServiceAccount}", $"the ServiceAccount exists, made by {OwnershipMarkers.ManagedByValue} for {w.Key}", r.Sources));
        }
        else
        {
            Changes.Add(new CreateServiceAccountChange
            {
                Address = $"service-account/{r.Namespace}/{r.ServiceAccount}",
                Namespace = r.Namespace,
                Name = r.ServiceAccount,
                CopiedFrom = w.EffectiveServiceAccount,
                ImagePullSecrets = ServiceAccountPlanner.Copied(old),
                AutomountServiceAccountToken = old?.AutomountServiceAccountToken,
                ForWorkload = w.Key,
                Reversible = true,
                Sources = r.Sources,
            });
        }

        Changes.Add(new PatchWorkloadChange
        {
            Address = $"workload/{w.Key}",
            Kind = WorkloadKinds.Of(w.Kind),
            Namespace = w.Namespace,
            Name = w.Name,
            ServiceAccountName = r.ServiceAccount,
            PreviousServiceAccountName = w.EffectiveServiceAccount,
            Disruptive = Restartable.Contains(w.Kind),
            Reversible = true,
            Sources = r.Sources,
        });
    }

    /// <summary>Rules K12 and K15.</summary>
    private void Agent()
    {
        const string address = "addon/" + CreateAddonChange.PodIdentityAgent;
        var installed = inventory.Workloads.PodIdentityAgentInstalled;
        if (installed != true && AgentPortConflicts() is { Count: > 0 } conflicts)
        {
            findings.Add(WorkloadFindings.PortsTakenFromTheAgent(conflicts, installed == false));
            return;
        }

        switch (installed)
        {
            case true:
                NoOps.Add(new PlanNoOp(address, "the Pod Identity agent runs in the cluster", ["cluster/addons"]));
                break;
            case false:
                Changes.Add(new CreateAddonChange { Address = address, AddonName = CreateAddonChange.PodIdentityAgent, Reversible = true, Sources = ["cluster/addons"] });
                break;
            default:
                findings.Add(WorkloadFindings.AgentUnknown());
                break;
        }
    }

    /// <summary>Rule K15: workloads holding the agent's ports (80, 2703) on their nodes, each once.</summary>
    private List<(string Key, string Describe)> AgentPortConflicts() =>
        [.. inventory.Workloads.Workloads
            .Where(w => w.ControllerKind is null || !IsCounted(w.ControllerKind))
            .Where(w => w.HostPorts.Contains(80) || w.HostPorts.Contains(2703))
            .Select(w => (w.Key, $"{w.Key} ({(w.HostNetwork ? "hostNetwork, " : string.Empty)}port {string.Join(" and ", w.HostPorts.Where(p => p is 80 or 2703))})"))
            .DistinctBy(c => c.Key)
            .OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>A Pod or ReplicaSet whose controller is itself read counts for the controller (rule K2).</summary>
    private static bool IsCounted(string controllerKind) => controllerKind is "ReplicaSet" or "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob";

    /// <summary>
    /// Cutover: restart (rule K14), then remove the old annotations (rule R2 and the Phases section). A workload rolls
    /// at most once: removing the annotation from its pod template rolls it, so it gets no restart of its own.
    /// </summary>
    private void PlanCutover(List<AssociationRequest> migrated, IdentityConfiguration config)
    {
        foreach (var r in migrated)
        {
            if (r.Irsa)
            {
                Changes.Add(new PatchServiceAccountChange
                {
                    Address = $"service-account/{r.Namespace}/{r.ServiceAccount}",
                    Namespace = r.Namespace,
                    Name = r.ServiceAccount,
                    RemoveAnnotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Annotation(r)),
                    Reversible = true,
                    Sources = r.Sources,
                });
            }

            foreach (var a in r.Workloads)
            {
                var w = a.Workload;
                var removesAnnotation = !r.Irsa && w.Kind != "Job" && a.AnnotationValue is not null;
                if (Restartable.Contains(w.Kind) && !r.Dedicated && !removesAnnotation)
                {
                    Changes.Add(new RestartWorkloadChange
                    {
                        Address = $"restart/{w.Key}",
                        Kind = WorkloadKinds.Of(w.Kind),
                        Namespace = w.Namespace,
                        Name = w.Name,
                        AfterAnnotationRemovals = r.Irsa,
                        Reversible = true,
                        Sources = r.Irsa ? r.Sources : [w.Key],
                    });
                }

                if (removesAnnotation)
                {
                    Changes.Add(new PatchWorkloadChange
                    {
                        Address = $"workload/{w.Key}",
                        Kind = WorkloadKinds.Of(w.Kind),
                        Namespace = w.Namespace,
                        Name = w.Name,
                        Disruptive = Restartable.Contains(w.Kind),
                        RemoveAnnotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>(config.RoleKey, a.AnnotationValue!)]),
                        Reversible = true,
                        Sources = [w.Key],
                    });
                }
            }
        }
    }

    private IEnumerable<KeyValuePair<string, string>> Annotation(AssociationRequest r)
    {
        var sa = _accounts.Find(r.Namespace, r.ServiceAccount);
        return sa is not null && sa.Annotations.TryGetValue(IrsaServiceAccounts.RoleArnKey, out var value)
            ? [new KeyValuePair<string, string>(IrsaServiceAccounts.RoleArnKey, value)]
            : [];
    }

    private void Pending(List<AssociationRequest> accepted)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var known = inventory.Workloads.ExistingAssociations is not null;
        findings.Add(ProjectFindings.AssociationsPending(known, [.. accepted.Select(r => r.Key)], options.Phase, accepted.SelectMany(r => r.Sources).Distinct()));
    }

    private static string Address(AssociationRequest r) => $"pod-identity-association/{r.Namespace}/{r.ServiceAccount}";
}
