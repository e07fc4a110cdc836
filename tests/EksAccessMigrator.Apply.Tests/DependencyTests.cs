namespace EksAccessMigrator.Apply.Tests;

/// <summary>The executor depends on Core's ports only; the adapters are handed to it (issue 10, "No ports").</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Apply_references_no_adapter_assembly_only_Core()
    {
        var ours = typeof(PlanExecutor).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("EksAccessMigrator.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["EksAccessMigrator.Core"], ours);
    }
}
