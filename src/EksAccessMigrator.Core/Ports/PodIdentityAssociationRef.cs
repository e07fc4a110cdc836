namespace EksAccessMigrator.Core.Ports;

/// <summary>A Pod Identity association as ListPodIdentityAssociations names it (no role: describe it for that).</summary>
/// <param name="AssociationId">Its id.</param>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="ServiceAccount">The ServiceAccount.</param>
public sealed record PodIdentityAssociationRef(string AssociationId, string Namespace, string ServiceAccount)
{
    /// <summary>The add-on that made the association; null when a user did.</summary>
    public string? OwnerArn { get; init; }
}
