using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>One association rules K5 or R1 call for, with the workloads it serves and where it came from.</summary>
/// <param name="Dedicated">The ServiceAccount is created for one workload, whose pod template is patched to use it.</param>
/// <param name="Irsa">It comes from an IRSA ServiceAccount (rule R1), whose annotation the cutover removes.</param>
internal sealed record AssociationRequest(
    string Namespace,
    string ServiceAccount,
    IamPrincipalArn Role,
    ImmutableArray<AssessedWorkload> Workloads,
    ImmutableArray<string> Sources,
    bool Dedicated,
    bool Irsa)
{
    public string Key => $"{Namespace}/{ServiceAccount}";
}
