namespace EksAccessMigrator.Core.Ports;

/// <summary>An EKS Pod Identity association.</summary>
/// <param name="AssociationId">Its id.</param>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="ServiceAccount">The ServiceAccount.</param>
/// <param name="RoleArn">The role its pods get.</param>
/// <param name="Tags">Its tags (empty for none).</param>
public sealed record PodIdentityAssociation(
    string AssociationId,
    string Namespace,
    string ServiceAccount,
    string RoleArn,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The add-on that made the association; null when a user did.</summary>
    public string? OwnerArn { get; init; }
}
