namespace EksAccessMigrator.Aws.Signing;

/// <summary>One request header as it is sent (name in any case, raw value).</summary>
public sealed record SigV4Header(string Name, string Value);
