using Cocona;
using EksAccessMigrator.Cli.Export;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>export</c>: a reviewed plan as infrastructure as code, for teams that keep EKS in Terraform or eksctl.</summary>
public sealed class ExportCommand(CliOutput output)
{
    [Command("export", Description = "Write a reviewed plan as Terraform (aws_eks_access_entry, aws_eks_access_policy_association, aws_eks_pod_identity_association, import blocks) or as an eksctl ClusterConfig fragment.")]
    public int Export(
        [Argument("file", Description = "A plan file written by 'plan --out'.")] string file,
        [Option("format", Description = "terraform or eksctl.", ValueName = "FORMAT")] string format = "terraform",
        [Option("out", Description = "Write the export here (atomically; default: standard output).", ValueName = "FILE")] string? @out = null)
    {
        var plan = PlanJson.Deserialize(File.ReadAllText(file), file);
        var text = format.Trim().ToLowerInvariant() switch
        {
            "terraform" or "tf" => TerraformExportView.Render(plan),
            "eksctl" => EksctlExportView.Render(plan),
            _ => throw new UsageException($"--format '{CommandLine.CommandLineCheck.Shorten(format)}' is not known for export; use terraform or eksctl."),
        };

        var blockers = plan.Findings.Count(f => f.Severity == Severity.Blocker);
        if (blockers > 0)
        {
            output.Error.WriteLine($"warning: the plan has {blockers} blocker(s); their subjects are not in the export and stay on their old mechanism.");
        }

        if (@out is null)
        {
            output.Out.Write(text);
        }
        else
        {
            AtomicFile.Write(@out, text);
            output.Error.WriteLine($"Export written to {@out}.");
        }

        return ExitCodes.Success;
    }
}
