namespace EksAccessMigrator.Aws.Eks;

/// <summary>One parameter of an update.</summary>
public sealed record EksUpdateParam(string? Type, string? Value);
