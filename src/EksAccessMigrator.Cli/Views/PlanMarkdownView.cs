using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// The plan as Markdown for a pull request: a hidden marker (so a workflow updates one comment per cluster), summary
/// counts, blockers first, irreversible and disruptive changes called out, then changes grouped by kind in execution
/// order (long groups folded), trust-policy and aws-auth changes as diffs, then warnings, info and what is already done
/// (folded). By default it fits a GitHub comment: detail is cut first, whole blocks at a time, and the end says what
/// was cut and how to see everything (<c>--full</c>).
/// </summary>
public static class PlanMarkdownView
{
    /// <summary>What fits in a pull-request comment (GitHub allows 65,536 characters).</summary>
    public const int CommentLimit = 65_000;

    /// <summary>Groups with more rows than this are folded in a <c>&lt;details&gt;</c> element.</summary>
    private const int FoldAbove = 20;

    /// <param name="planHash">The plan file's SHA-256, for the hidden marker; null leaves the marker out.</param>
    /// <param name="limit">The size to fit; null renders everything.</param>
    public static void Render(MigrationPlan plan, TextWriter w, string? planHash = null, int? limit = CommentLimit)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(w);
        var doc = new MarkdownBudget(limit);
        var c = plan.Cluster;
        var s = plan.Summary;
        var head = new StringWriter { NewLine = "\n" };
        if (planHash is not null)
        {
            head.WriteLine($"<!-- eks-access-migrator: cluster={Marker(c.Name)}, region={Marker(c.Region)}, account={c.AccountId}, phase={plan.Phase.Wire()}, plan={planHash} -->");
        }

        head.WriteLine($"## EKS access migration plan: {Text.Code(c.Name)}");
        head.WriteLine();
        head.WriteLine($"Region {Text.Code(c.Region)} · account {Text.Code(c.AccountId)} · phase **{plan.Phase.Wire()}** · authentication mode {Text.Code(c.AuthenticationMode.Wire())} · eks-access-migrator {Text.Markdown(plan.ToolVersion)} · plan format {plan.FormatVersion}");
        head.WriteLine();
        head.WriteLine("| Changes | Irreversible | Already done | Blockers | Warnings | Info |");
        head.WriteLine("|--:|--:|--:|--:|--:|--:|");
        head.WriteLine($"| {s.Changes} | {s.Irreversible} | {s.NoOps} | {s.Blockers} | {s.Warnings} | {s.Infos} |");
        head.WriteLine();

        var blockers = plan.Findings.Where(f => f.Severity == Severity.Blocker).ToList();
        if (blockers.Count > 0)
        {
            head.WriteLine($"### :no_entry: Blockers ({blockers.Count})");
            head.WriteLine();
            head.WriteLine($"These subjects are **not migrated** and keep their current access: {BlockersKeep(blockers)}. The cluster must not switch to `API` mode while any remain.");
            head.WriteLine();
            FindingTable(head, blockers, compact: limit is { } max && FindingRows(blockers, compact: false) > max / 2);
        }

        if (plan.Changes.Any(ch => !ch.Reversible))
        {
            head.WriteLine("> [!WARNING]");
            head.WriteLine($"> This plan has {s.Irreversible} irreversible change(s): an authentication-mode change can never be undone.");
            head.WriteLine();
        }

        var disruptive = plan.Changes.Count(IsDisruptive);
        if (disruptive > 0)
        {
            head.WriteLine("> [!CAUTION]");
            head.WriteLine($"> {disruptive} change(s) roll workload pods (marked DISRUPTIVE below); each workload rolls at most once in this phase.");
            head.WriteLine();
        }

        head.WriteLine($"### Changes ({plan.Changes.Length})");
        head.WriteLine();
        if (plan.Changes.IsEmpty)
        {
            head.WriteLine("No changes.");
            head.WriteLine();
        }

        doc.Always(head.ToString());
        var sections = plan.Changes.GroupBy(ch => ch.Action).Select(g => ChangeGroup(g.Key, [.. g])).ToList();
        if (plan.NodeRoles is { } roles)
        {
            sections.Add(Posture(roles));
        }

        sections.Add(Folded("Warnings", [.. plan.Findings.Where(f => f.Severity == Severity.Warning)], open: true));

        // Rule S1's suggestions in a section of their own: a reviewer decides on them, the plan never makes them.
        static bool Suggestion(Finding f) => f.Code == Core.Findings.FindingCodes.AccessPolicySuggested;
        sections.Add(Folded("Suggestions: access policies that could replace RBAC bindings (rule S1; nothing in the plan makes them)", [.. plan.Findings.Where(Suggestion)], open: false));
        sections.Add(Folded("Info", [.. plan.Findings.Where(f => f.Severity == Severity.Info && !Suggestion(f))], open: false));
        sections.Add(new MarkdownSection(
            $"<details><summary>Already done ({plan.NoOps.Length})</summary>\n\n| Address | Why | Source |\n|---|---|---|\n",
            [.. plan.NoOps.Select(n => $"| {Text.Code(n.Address)} | {Text.Markdown(n.Reason)} | {Sources(n.Sources)} |\n")],
            "\n</details>\n\n",
            MarkdownSection.Kind.NoOps));

        // Every section keeps its heading: the room the later ones need for theirs is held back from the earlier ones.
        var present = sections.Where(x => x.Rows.Count > 0).ToList();
        for (var i = 0; i < present.Count; i++)
        {
            Emit(doc, present[i], present.Skip(i + 1).Sum(x => x.SkeletonLength));
        }

        if (doc.Cut)
        {
            doc.Always("> [!NOTE]\n");
            doc.Always($"> To fit a pull-request comment ({CommentLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters), {LeftOutText(doc)} not shown here. The summary and every blocker are. The full plan is the plan file (the workflow's artifact); render all of it with `eks-access-migrator show PLAN --format markdown --full`.\n\n");
        }

        w.Write(doc.ToString());
    }

    private static string LeftOutText(MarkdownBudget doc)
    {
        var parts = new List<string>();
        if (doc.ChangesLeftOut > 0)
        {
            parts.Add($"{doc.ChangesLeftOut} change(s)");
        }

        if (doc.FindingsLeftOut > 0)
        {
            parts.Add($"{doc.FindingsLeftOut} finding(s)");
        }

        if (doc.NoOpsLeftOut > 0)
        {
            parts.Add($"{doc.NoOpsLeftOut} already-done item(s)");
        }

        if (doc.PostureLeftOut > 0)
        {
            parts.Add($"{doc.PostureLeftOut} node role(s) of the posture");
        }

        return $"{string.Join(", ", parts)} {(parts.Count == 1 && parts[0].StartsWith("1 ", StringComparison.Ordinal) ? "is" : "are")}";
    }

    /// <summary>Rules N1-N3: per node role, what every pod on its nodes can do today and after finalize.</summary>
    private static MarkdownSection Posture(System.Collections.Immutable.ImmutableArray<PlanNodeRole> roles) => new(
        $"### Posture: node roles ({roles.Length})\n\nWhat every pod on these roles' nodes can do through instance metadata, today and after finalize (rules N1-N3; the findings say what to do). Finalize removes only an inline assume-anything permission; the rest is tightened by hand (playbook: 'Tightening the node role after cutover').\n\n| Node role | Used by | Every pod today | After finalize |\n|---|---|---|---|\n",
        [.. roles.Select(r => $"| {Text.Code(r.RoleArn)} | {Text.Markdown(string.Join(", ", r.UsedBy))} | {Lines(r.Today)} | {Lines(r.AfterFinalize)} |\n")],
        "\n",
        MarkdownSection.Kind.Posture);

    private static string Lines(System.Collections.Immutable.ImmutableArray<string> lines) =>
        lines.IsEmpty ? "nothing" : string.Join("<br>", lines.Select(Text.Markdown));

    private static bool IsDisruptive(PlanChange change) => change is PatchWorkloadChange { Disruptive: true } or RestartWorkloadChange { Disruptive: true };

    /// <summary>A marker value: no characters that could end the HTML comment or break the key=value list.</summary>
    private static string Marker(string value) => new([.. value.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')]);

    /// <summary>One kind of change: a heading and a table (folded when long), or one diff block per change.</summary>
    private static MarkdownSection ChangeGroup(string action, List<PlanChange> changes)
    {
        var heading = $"#### {action} ({changes.Count})\n\n";
        var fold = changes.Count > FoldAbove;
        var open = fold ? $"{heading}<details><summary>{changes.Count} {action} change(s)</summary>\n\n" : heading;
        return action switch
        {
            UpdateAssumeRolePolicyChange.ActionName => new MarkdownSection(open, [.. changes.Cast<UpdateAssumeRolePolicyChange>().Select(TrustPolicy)], fold ? "</details>\n\n" : string.Empty, MarkdownSection.Kind.Changes),
            ReplaceConfigMapChange.ActionName => new MarkdownSection(open, [.. changes.Cast<ReplaceConfigMapChange>().Select(ConfigMapDiff)], fold ? "</details>\n\n" : string.Empty, MarkdownSection.Kind.Changes),
            _ => Table(action, changes) is var (header, rows) ? new MarkdownSection(open + header, rows, fold ? "\n</details>\n\n" : "\n", MarkdownSection.Kind.Changes) : throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// A section's opening, rows and closing. The opening and closing are always written; rows are added while they
    /// fit (leaving <paramref name="heldBack"/> for the sections after it), and a line names how many did not.
    /// </summary>
    private static void Emit(MarkdownBudget doc, MarkdownSection section, int heldBack)
    {
        doc.Always(section.Opening);
        var written = 0;
        foreach (var row in section.Rows)
        {
            if (!doc.Fits(row.Length + heldBack + section.Closing.Length + MarkdownSection.MoreLineLength))
            {
                break;
            }

            doc.Always(row);
            written++;
        }

        var left = section.Rows.Count - written;
        if (left > 0)
        {
            doc.LeftOut(
                changes: section.Of == MarkdownSection.Kind.Changes ? left : 0,
                findings: section.Of == MarkdownSection.Kind.Findings ? left : 0,
                noOps: section.Of == MarkdownSection.Kind.NoOps ? left : 0,
                posture: section.Of == MarkdownSection.Kind.Posture ? left : 0);
            doc.Always(MarkdownSection.MoreLine(left));
        }

        doc.Always(section.Closing);
    }

    private static (string Header, List<string> Rows) Table(string action, List<PlanChange> changes)
    {
        switch (action)
        {
            case CreateAccessEntryChange.ActionName:
                return ("| Principal | Type | Username | Groups | Source |\n|---|---|---|---|---|\n", [.. changes.Cast<CreateAccessEntryChange>().Select(ch =>
                {
                    var username = ch.Username is null ? (ch.Type == AccessEntryType.Standard ? "_generated by EKS_" : "—") : Text.Code(ch.Username);
                    return $"| {Text.Code(ch.PrincipalArn)} | {ch.Type.Wire()} | {username} | {Groups(ch.KubernetesGroups)} | {Sources(ch.Sources)} |\n";
                })]);
            case AssociateAccessPolicyChange.ActionName:
                return ("| Principal | Policy | Scope | Source |\n|---|---|---|---|\n", [.. changes.Cast<AssociateAccessPolicyChange>().Select(ch =>
                    $"| {Text.Code(ch.PrincipalArn)} | {Text.Markdown(AccessPolicyArns.NameOf(ch.PolicyArn))} | {Text.Markdown(ch.AccessScope.Key)} | {Sources(ch.Sources)} |\n")]);
            default:
                return ("| Target | Change | Reversible | Source |\n|---|---|---|---|\n", [.. changes.Select(ch =>
                    $"| {Text.Code(ChangeText.Target(ch))} | {Text.Markdown(ChangeText.Details(ch))} | {(ch.Reversible ? "yes" : "**no**")} | {Sources(ch.Sources)} |\n")]);
        }
    }

    /// <summary>A trust-policy change as a diff of the whole document, or of the statements alone when the document is unknown.</summary>
    private static string TrustPolicy(UpdateAssumeRolePolicyChange ch)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"{Text.Code(ch.RoleArn)}: {Text.Markdown(ChangeText.Details(ch))}. Source: {Sources(ch.Sources)}");
        w.WriteLine();
        IReadOnlyList<string> lines;
        if (ch.DocumentBefore is { } before && ch.DocumentAfter is { } after)
        {
            lines = TrustDiff.Lines(TrustDiff.PrettyPrint(before), TrustDiff.PrettyPrint(after));
        }
        else
        {
            w.WriteLine("The current document is not in the inputs; these statements are added to it as they are:");
            w.WriteLine();
            lines = [.. ch.StatementsRemoved.SelectMany(s => TrustDiff.PrettyPrint(s).Split('\n')).Select(l => "- " + l)
                .Concat(ch.StatementsAdded.SelectMany(s => TrustDiff.PrettyPrint(s).Split('\n')).Select(l => "+ " + l))];
        }

        Fenced(w, lines);
        return w.ToString();
    }

    /// <summary>The aws-auth rows a finalize change removes, as a diff of each section it edits.</summary>
    private static string ConfigMapDiff(ReplaceConfigMapChange ch)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"{Text.Code($"{ch.Namespace}/{ch.Name}")}: {Text.Markdown(ChangeText.Details(ch))}{(ch.BackupFirst ? " (backed up first)" : string.Empty)}. Source: {Sources(ch.Sources)}");
        w.WriteLine();
        foreach (var (key, before) in ch.PreviousData)
        {
            w.WriteLine($"{Text.Code("data." + key)}:");
            w.WriteLine();
            Fenced(w, TrustDiff.Lines(before.TrimEnd('\n'), ch.Data.TryGetValue(key, out var after) ? after.TrimEnd('\n') : string.Empty));
        }

        return w.ToString();
    }

    /// <summary>A diff block whose fence is longer than any run of backticks inside it, so no input can close it.</summary>
    private static void Fenced(TextWriter w, IReadOnlyList<string> lines)
    {
        var fence = new string('`', Math.Max(3, LongestBacktickRun(lines) + 1));
        w.WriteLine(fence + "diff");
        foreach (var line in lines)
        {
            w.WriteLine(Text.Safe(line));
        }

        w.WriteLine(fence);
        w.WriteLine();
    }

    /// <summary>What a blocked subject keeps, for each kind of blocker present (aws-auth row, agent annotation, IRSA).</summary>
    private static string BlockersKeep(List<Finding> blockers)
    {
        var sources = blockers.SelectMany(f => f.Sources.IsDefaultOrEmpty ? [f.Subject] : f.Sources).ToList();
        var kept = new List<string>();
        if (sources.Any(s => s.StartsWith("aws-auth", StringComparison.Ordinal)))
        {
            kept.Add("aws-auth rows stay in aws-auth");
        }

        if (sources.Any(s => s.Contains("/ServiceAccount/", StringComparison.Ordinal)))
        {
            kept.Add("IRSA ServiceAccounts keep their `eks.amazonaws.com/role-arn` annotation and OIDC trust");
        }

        if (sources.Any(s => !s.StartsWith("aws-auth", StringComparison.Ordinal) && !s.Contains("/ServiceAccount/", StringComparison.Ordinal) && s.Count(c => c == '/') == 2))
        {
            kept.Add("workloads keep their kube2iam/kiam annotation and the agent's trust");
        }

        return kept.Count == 0 ? "nothing about them changes" : string.Join("; ", kept);
    }

    private static int LongestBacktickRun(IEnumerable<string> lines)
    {
        var longest = 0;
        foreach (var line in lines)
        {
            var run = 0;
            foreach (var c in line)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }

        return longest;
    }

    /// <summary>The findings table; compact (code and subject only) when the full one could not fit a comment.</summary>
    private static void FindingTable(TextWriter w, List<Finding> findings, bool compact = false)
    {
        w.Write(compact ? "| Code | Subject |\n|---|---|\n" : "| Code | Subject | What happened and what to do |\n|---|---|---|\n");
        foreach (var row in FindingRowTexts(findings, compact))
        {
            w.Write(row);
        }

        if (compact)
        {
            w.WriteLine();
            w.WriteLine("_Messages left out to fit; `eks-access-migrator show PLAN --format markdown --full` has them._");
        }

        w.WriteLine();
    }

    private static IEnumerable<string> FindingRowTexts(IEnumerable<Finding> findings, bool compact) =>
        findings.Select(f => compact ? $"| `{f.Code}` | {Text.Code(f.Subject)} |\n" : $"| `{f.Code}` | {Text.Code(f.Subject)} | {Text.Markdown(f.Message)} |\n");

    private static int FindingRows(IEnumerable<Finding> findings, bool compact) => FindingRowTexts(findings, compact).Sum(r => r.Length);

    private static MarkdownSection Folded(string title, List<Finding> findings, bool open) => new(
        $"<details{(open ? " open" : string.Empty)}><summary>{title} ({findings.Count})</summary>\n\n| Code | Subject | What happened and what to do |\n|---|---|---|\n",
        [.. FindingRowTexts(findings, compact: false)],
        "\n</details>\n\n",
        MarkdownSection.Kind.Findings);

    private static string Groups(System.Collections.Immutable.ImmutableArray<string> groups) =>
        groups.IsDefaultOrEmpty ? "—" : string.Join(", ", groups.Select(Text.Code));

    private static string Sources(System.Collections.Immutable.ImmutableArray<string> sources) =>
        string.Join(", ", sources.Select(Text.Markdown));
}
