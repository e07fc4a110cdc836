using System.Text.RegularExpressions;
using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// The finding catalogue (src/EksAccessMigrator.Core/Findings) agrees with the rule tables of docs/mapping-rules.md and
/// docs/mapping-rules-workloads.md, and none of it is dead: every factory is called by the planner, and every rule's
/// code is produced by a test named after that rule or by a golden plan.
/// </summary>
public sealed partial class FindingCatalogueTests
{
    private static readonly IReadOnlyList<DocumentedCode> Documented = RuleTables.Read();

    [Fact]
    public void TheDocsAreRead()
    {
        // A parser that reads nothing would make every other test here pass.
        Assert.True(Documented.Count >= 70, $"only {Documented.Count} documented codes read");
        Assert.Contains(Documented, d => d is { Rule: "K5", Code: "dedicated-service-account", Severity: "Info" });
        Assert.Contains(Documented, d => d is { Rule: "P2", Code: "aws-auth-section-invalid", Severity: "Blocker" });
    }

    [Fact]
    public void EveryCatalogueEntryIsInItsRulesRow_WithTheCataloguesSeverity()
    {
        var problems = new List<string>();
        foreach (var (type, field, d) in Catalogue.Descriptors)
        {
            var rows = Documented.Where(x => x.Rule == d.Rule && x.Code == d.Code).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"{type.Name}.{field}: rule {d.Rule}'s row does not list {d.Code}");
            }
            else if (rows.Any(r => r.Severity != d.Severity.ToString()))
            {
                problems.Add($"{type.Name}.{field}: rule {d.Rule}'s row gives {d.Code} the severity {rows.First(r => r.Severity != d.Severity.ToString()).Severity ?? "(none)"}, the catalogue {d.Severity}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCodeTheDocsList_IsInTheCatalogue_WithOneSeverity()
    {
        var problems = new List<string>();
        foreach (var doc in Documented)
        {
            var entries = Catalogue.Descriptors.Where(x => x.Descriptor.Code == doc.Code).ToList();
            if (entries.Count == 0)
            {
                problems.Add($"{doc.File}, {doc.Rule}: {doc.Code} is not in the catalogue");
            }
            else if (doc.Severity is not null && entries.Any(e => e.Descriptor.Severity.ToString() != doc.Severity))
            {
                problems.Add($"{doc.File}, {doc.Rule}: {doc.Code} is a {doc.Severity}, the catalogue says {string.Join("/", entries.Select(e => e.Descriptor.Severity).Distinct())}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCodeHasOneSeverity_AndEveryFindingCodeIsCatalogued()
    {
        var severities = Catalogue.Descriptors.GroupBy(x => x.Descriptor.Code)
            .Where(g => g.Select(x => x.Descriptor.Severity).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.True(severities.Count == 0, "codes with more than one severity: " + string.Join(", ", severities));

        var catalogued = Catalogue.Descriptors.Select(x => x.Descriptor.Code).ToHashSet(StringComparer.Ordinal);
        var missing = Catalogue.Codes.Where(c => !catalogued.Contains(c.Code)).Select(c => c.Name).ToList();
        Assert.True(missing.Count == 0, "FindingCodes without a catalogue entry: " + string.Join(", ", missing));
        var unknown = catalogued.Where(c => Catalogue.Codes.All(k => k.Code != c)).ToList();
        Assert.True(unknown.Count == 0, "catalogue codes missing from FindingCodes: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryDescriptorHasAFactory_AndEveryFactoryIsCalledByTheProduct()
    {
        var catalogueDir = Repo.Path_("src", "EksAccessMigrator.Core", "Findings");
        var productText = string.Concat(Directory.EnumerateFiles(Repo.Path_("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(catalogueDir, StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        // A descriptor is used when its class names it beyond its declaration: in a Create call or a choice of descriptor.
        var unused = Catalogue.Descriptors
            .Where(x => Regex.Count(File.ReadAllText(Path.Combine(catalogueDir, x.Class.Name + ".cs")), $@"\b{x.Field}\b(?!\s*=\s*new\()") == 0)
            .Select(x => $"{x.Class.Name}.{x.Field}").ToList();
        Assert.True(unused.Count == 0, "descriptors no factory uses: " + string.Join(", ", unused));

        Assert.True(Catalogue.Factories.Count >= 70, $"only {Catalogue.Factories.Count} factories found");
        var uncalled = Catalogue.Factories.Where(m => !productText.Contains($"{m.DeclaringType!.Name}.{m.Name}(", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.True(uncalled.Count == 0, "factories the product never calls: " + string.Join(", ", uncalled));
    }

    [Fact]
    public void EveryRulesCode_IsProducedByATestNamedAfterTheRule_OrByAGoldenPlan()
    {
        var golden = string.Concat(Directory.EnumerateFiles(Repo.Golden, "*.plan.json").Select(File.ReadAllText));
        var tests = TestMethods();
        var problems = new List<string>();
        foreach (var (type, field, d) in Catalogue.Descriptors)
        {
            var constant = Catalogue.Codes.First(c => c.Code == d.Code).Name;
            var byTest = tests.Any(t => t.Name.StartsWith(d.Rule + "_", StringComparison.Ordinal)
                && (t.Body.Contains($"\"{d.Code}\"", StringComparison.Ordinal) || t.Body.Contains($"FindingCodes.{constant}", StringComparison.Ordinal)));
            var byGolden = golden.Contains($"\"code\": \"{d.Code}\"", StringComparison.Ordinal);
            if (!byTest && !byGolden)
            {
                problems.Add($"{type.Name}.{field} ({d.Rule}, {d.Code}): no test {d.Rule}_* mentions the code, and no golden plan has it");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheArchitectureDocNamesEveryRule_AndEveryFileItNamesExists()
    {
        var doc = File.ReadAllText(Repo.Path_("docs", "architecture.md"));
        var start = doc.IndexOf("## Finding catalogue", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/architecture.md has no '## Finding catalogue' section");
        var next = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = next < 0 ? doc[start..] : doc[start..next];

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match range in RuleRange().Matches(section))
        {
            var letter = range.Groups["letter"].Value;
            var from = int.Parse(range.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = range.Groups["to"].Success ? int.Parse(range.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            for (var i = from; i <= to; i++)
            {
                named.Add(letter + i);
            }
        }

        var missing = Catalogue.Descriptors.Select(x => x.Descriptor.Rule).Distinct().Where(r => !named.Contains(r)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "rules the catalogue table does not name: " + string.Join(", ", missing));

        var core = Repo.Path_("src", "EksAccessMigrator.Core");
        var files = FileReference().Matches(section).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.True(files.Count >= 20, $"only {files.Count} files named");
        var absent = files.Where(f => !File.Exists(Path.Combine(core, f))).ToList();
        Assert.True(absent.Count == 0, "files the catalogue table names that do not exist: " + string.Join(", ", absent));
    }

    /// <summary>Every test method of the repository: its name and its text up to the next method.</summary>
    private static List<(string Name, string Body)> TestMethods()
    {
        var result = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(Repo.Path_("tests"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var methods = TestMethod().Matches(text);
            for (var i = 0; i < methods.Count; i++)
            {
                var end = i + 1 < methods.Count ? methods[i + 1].Index : text.Length;
                result.Add((methods[i].Groups["name"].Value, text[methods[i].Index..end]));
            }
        }

        return result;
    }

    [GeneratedRegex(@"\b(?<letter>[PAMKRXWNS])(?<from>\d+)(?:-[PAMKRXWNS]?(?<to>\d+))?\b")]
    private static partial Regex RuleRange();

    [GeneratedRegex(@"`(?<path>(?:AwsAuth|Planning|Findings)/[\w/]+\.cs)`")]
    private static partial Regex FileReference();

    [GeneratedRegex(@"\[(?:Fact|Theory)[^\]]*\]\s*(?:\[[^\]]*\]\s*)*public\s+(?:async\s+)?(?:void|Task)\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();
}
