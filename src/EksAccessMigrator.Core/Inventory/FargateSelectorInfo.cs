using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// A Fargate profile selector: a namespace and the pod labels that must all match (none: every pod of the namespace).
/// The namespace and label values may hold the wildcards <c>*</c> and <c>?</c>, as EKS allows.
/// </summary>
public sealed record FargateSelectorInfo(string Namespace, ImmutableSortedDictionary<string, string> Labels)
{
    /// <summary>Whether a pod in <paramref name="podNamespace"/> with <paramref name="podLabels"/> runs on Fargate by this selector.</summary>
    public bool Matches(string podNamespace, IReadOnlyDictionary<string, string> podLabels)
    {
        ArgumentNullException.ThrowIfNull(podNamespace);
        ArgumentNullException.ThrowIfNull(podLabels);
        return Glob(Namespace, podNamespace)
            && Labels.All(l => podLabels.TryGetValue(l.Key, out var value) && Glob(l.Value, value));
    }

    /// <summary><c>*</c> matches any run of characters, <c>?</c> one character; everything else itself.</summary>
    public static bool Glob(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
