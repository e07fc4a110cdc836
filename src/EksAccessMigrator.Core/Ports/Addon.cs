namespace EksAccessMigrator.Core.Ports;

/// <summary>An EKS add-on (the Pod Identity agent).</summary>
/// <param name="AddonName">Its name.</param>
/// <param name="AddonVersion">The installed version.</param>
/// <param name="Status">ACTIVE, CREATING, ...</param>
/// <param name="Tags">Its tags (empty for none).</param>
public sealed record Addon(string AddonName, string? AddonVersion, string? Status, IReadOnlyDictionary<string, string> Tags);
