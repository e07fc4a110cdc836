using Xunit;

namespace EksAccessMigrator.TestSupport;

/// <summary>A theory over a part of ../shared; skipped, with the reason printed, when that part is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relative)
    {
        Relative = relative;
        Skip = SharedFolder.MissingReason(relative);
    }

    public string Relative { get; }
}
