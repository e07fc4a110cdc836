namespace EksAccessMigrator.Core.Ports;

/// <summary>A ConfigMap as read: where it is, which version, and its data.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="ResourceVersion">The resourceVersion read (the precondition of a replace).</param>
/// <param name="Data">Its data (empty for none).</param>
public sealed record ConfigMapObject(string Namespace, string Name, string? Uid, string? ResourceVersion, IReadOnlyDictionary<string, string> Data);
