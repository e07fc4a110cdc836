namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>A scalar. <see cref="IsNull"/> is true for a plain <c>null</c>, <c>~</c> or empty value.</summary>
public sealed class ManifestScalar(string value, bool isPlain, bool isBlock, int line) : ManifestNode(line)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>True for literal (<c>|</c>) and folded (<c>&gt;</c>) scalars, whose content starts on the next line.</summary>
    public bool IsBlock { get; } = isBlock;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "scalar";
}
