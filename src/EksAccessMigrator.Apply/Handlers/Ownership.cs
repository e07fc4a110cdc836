using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>Says whose an EKS resource is, from the tags apply puts on what it creates (<see cref="OwnershipMarkers"/>).</summary>
internal static class Ownership
{
    /// <summary><c>" (made by eks-access-migrator, plan 0123456789ab)"</c> for a resource this tool created, else empty.</summary>
    public static string Describe(IReadOnlyDictionary<string, string>? tags) =>
        tags is not null && tags.TryGetValue(OwnershipMarkers.ManagedByTag, out var by) && by == OwnershipMarkers.ManagedByValue
            ? $" (made by {OwnershipMarkers.ManagedByValue}{(tags.TryGetValue(OwnershipMarkers.PlanTag, out var plan) && plan.Length >= 12 ? ", plan " + plan[..12] : string.Empty)})"
            : string.Empty;
}
