namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// An IAM policy document as read, decoded JSON text: a role's inline policy (its name) or a managed policy's default
/// version (its ARN).
/// </summary>
/// <param name="Name">The inline policy's name, or the managed policy's ARN.</param>
public sealed record RolePolicyDocument(string Name, string Document);
