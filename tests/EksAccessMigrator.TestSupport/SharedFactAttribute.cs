using Xunit;

namespace EksAccessMigrator.TestSupport;

/// <summary>A fact over a part of ../shared; skipped, with the reason printed, when that part is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relative)
    {
        Relative = relative;
        Skip = SharedFolder.MissingReason(relative);
    }

    public string Relative { get; }
}
