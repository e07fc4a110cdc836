namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// The files of a fleet run under <c>--out DIR</c>: <c>DIR/report.json</c> (the whole run) and, per cluster,
/// <c>DIR/&lt;cluster&gt;/plan.json</c>, <c>plan.sha256</c> (the hash <c>fleet plan</c> wrote, that
/// <c>fleet apply</c> checks), <c>journal.jsonl</c> and <c>report.json</c> (that cluster's row of the last run).
/// Cluster names are valid EKS names (letters, digits, '-', '_'), so each is one folder inside DIR.
/// </summary>
public sealed class FleetFolder(string root)
{
    public const string PlanFileName = "plan.json";
    public const string HashFileName = "plan.sha256";
    public const string JournalFileName = "journal.jsonl";
    public const string ReportFileName = "report.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string Report => Path.Combine(Root, ReportFileName);

    public string Cluster(string name) => Path.Combine(Root, name);

    public string Plan(string name) => Path.Combine(Root, name, PlanFileName);

    public string Hash(string name) => Path.Combine(Root, name, HashFileName);

    public string Journal(string name) => Path.Combine(Root, name, JournalFileName);

    public string ClusterReport(string name) => Path.Combine(Root, name, ReportFileName);

    /// <summary>A path of the run as <c>report.json</c> records it: relative to DIR, with '/'.</summary>
    public static string Relative(string name, string file) => $"{name}/{file}";
}
