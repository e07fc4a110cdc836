namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// One key under the aws-auth ConfigMap's <c>data</c>. ConfigMap data values are strings; an export can
/// still hold a YAML list or mapping there (rule P2), which <see cref="IsString"/> records.
/// </summary>
/// <param name="Key">The key exactly as written.</param>
/// <param name="Text">The string value, or null when the value is not a string.</param>
/// <param name="IsString">False when the value was a YAML sequence or mapping.</param>
/// <param name="Location">Where the value starts.</param>
/// <param name="ContentLineOffset">Lines between <paramref name="Location"/> and the first line of the string's content (1 for a block scalar, else 0).</param>
public sealed record AwsAuthDataValue(string Key, string? Text, bool IsString, SourceLocation Location, int ContentLineOffset);
