using EksAccessMigrator.Live;
using Spectre.Console;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// Progress of a live scan on a terminal (standard error): one line per step as it ends, and retries. Only used
/// when standard error is a terminal and the output is not JSON.
/// </summary>
public sealed class ScanProgressView : IScanProgress
{
    private readonly IAnsiConsole _console;
    private readonly Lock _gate = new();

    public ScanProgressView(TextWriter stderr)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr), Interactive = InteractionSupport.No });
    }

    public void StepStarted(ScanStep step) => Write($"[grey]…[/] {Markup.Escape(Name(step))}");

    public void StepAdvanced(ScanStep step, int itemsSoFar)
    {
        if (itemsSoFar > 0 && itemsSoFar % 1000 == 0)
        {
            Write($"[grey]  {Markup.Escape(Name(step))}: {itemsSoFar} so far[/]");
        }
    }

    public void StepFinished(ScanStep step, int items) => Write($"[green]✓[/] {Markup.Escape(Name(step))} [grey]({items})[/]");

    public void StepSkipped(ScanStep step, string reason) => Write($"[grey]- {Markup.Escape(Name(step))}: {Markup.Escape(Text.Safe(reason))}[/]");

    public void Retrying(string operation, int attempt, TimeSpan delay) =>
        Write($"[yellow]↻[/] {Markup.Escape(Text.Safe(operation))} throttled or failed; attempt {attempt + 1} in {delay.TotalSeconds:F1} s");

    private void Write(string markup)
    {
        lock (_gate)
        {
            _console.MarkupLine(markup);
        }
    }

    private static string Name(ScanStep step) => step switch
    {
        ScanStep.DescribeCluster => "cluster (DescribeCluster)",
        ScanStep.CallerIdentity => "caller (STS GetCallerIdentity)",
        ScanStep.AwsAuth => "aws-auth ConfigMap",
        ScanStep.IamRoles => "IAM roles",
        ScanStep.IamUsers => "IAM users",
        ScanStep.AccessEntries => "access entries",
        ScanStep.NodeClasses => "Karpenter EC2NodeClasses",
        ScanStep.Addons => "add-ons",
        ScanStep.PodIdentityAssociations => "Pod Identity associations",
        ScanStep.Nodegroups => "node groups",
        ScanStep.FargateProfiles => "Fargate profiles",
        ScanStep.NodeRolePolicies => "node-role policies",
        _ => step.ToString(),
    };
}
