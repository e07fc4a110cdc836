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

    /// <summary>Whether the tags say this plan (<paramref name="planHash"/>) created the resource: rollback deletes only what its plan made.</summary>
    public static bool MadeBy(IReadOnlyDictionary<string, string>? tags, string planHash) =>
        tags is not null && tags.TryGetValue(OwnershipMarkers.PlanTag, out var plan) && string.Equals(plan, planHash, StringComparison.Ordinal);

    /// <summary>Whether a Kubernetes object's label and annotation say this plan created it.</summary>
    public static bool MadeBy(IReadOnlyDictionary<string, string>? labels, IReadOnlyDictionary<string, string>? annotations, string planHash) =>
        labels is not null && labels.TryGetValue(OwnershipMarkers.ManagedByLabel, out var by) && by == OwnershipMarkers.ManagedByValue
        && annotations is not null && annotations.TryGetValue(OwnershipMarkers.PlanAnnotation, out var plan) && string.Equals(plan, planHash, StringComparison.Ordinal);

    public const string NotOurs = "it does not carry this plan's ownership markers (someone else made it); left in place";
}
