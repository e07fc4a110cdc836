using System.Collections.Immutable;

namespace EksAccessMigrator.Live;

/// <summary>
/// A Fargate profile selector: a namespace and the pod labels that must all match (none: every pod of the namespace).
/// The namespace and label values may hold the wildcards <c>*</c> and <c>?</c>, as EKS allows.
/// </summary>
public sealed record LiveFargateSelector(string Namespace, ImmutableSortedDictionary<string, string> Labels)
{
    /// <summary>The planner's form of this selector.</summary>
    public Core.Inventory.FargateSelectorInfo ToInfo() => new(Namespace, Labels);

    /// <summary>Whether a pod in <paramref name="podNamespace"/> with <paramref name="podLabels"/> runs on Fargate by this selector.</summary>
    public bool Matches(string podNamespace, IReadOnlyDictionary<string, string> podLabels) => ToInfo().Matches(podNamespace, podLabels);

    /// <summary><c>*</c> matches any run of characters, <c>?</c> one character; everything else itself.</summary>
    internal static bool Glob(string pattern, string text) => Core.Inventory.FargateSelectorInfo.Glob(pattern, text);
}
