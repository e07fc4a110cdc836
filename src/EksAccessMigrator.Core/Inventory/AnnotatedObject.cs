namespace EksAccessMigrator.Core.Inventory;

/// <summary>An object that is not a pod template but carries the role annotation (for example in a custom resource's spec).</summary>
/// <param name="Path">Where in the object, e.g. <c>spec.components.runner.runnerannotation</c>.</param>
public sealed record AnnotatedObject(string ApiVersion, string Kind, string? Namespace, string Name, string Path, string Value, SourceLocation Location)
{
    public string Key => $"{Namespace ?? "(cluster)"}/{Kind}/{Name}";
}
