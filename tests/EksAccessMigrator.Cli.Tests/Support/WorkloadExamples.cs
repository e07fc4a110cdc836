namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>The command lines of the shipped workload-identity examples.</summary>
internal static class WorkloadExamples
{
    public static string[] Kube2iam(params string[] more)
    {
        var dir = Repo.Path_("playbooks", "examples", "kube2iam-cluster");
        return
        [
            "plan",
            "--from", Path.Combine(dir, "cluster-export.yaml"),
            "--iam-snapshot", Path.Combine(dir, "iam-roles.json"),
            "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333",
            .. more,
        ];
    }

    /// <summary>The kube2iam example with its node role's policies (get-account-authorization-details, rules N1-N3).</summary>
    public static string[] Kube2iamPosture(params string[] more) =>
        Kube2iam(["--iam-snapshot", Repo.Path_("playbooks", "examples", "kube2iam-cluster", "node-role-details.json"), .. more]);

    public static string[] Kiam(params string[] more)
    {
        var dir = Repo.Path_("playbooks", "examples", "kiam-cluster");
        return
        [
            "plan",
            "--from", Path.Combine(dir, "cluster-export.yaml"),
            "--iam-snapshot", Path.Combine(dir, "get-role-payments-api.json"),
            "--iam-snapshot", Path.Combine(dir, "get-role-analytics-exporter.json"),
            "--cluster", "data-prod", "--region", "eu-west-1", "--account", "111122223333",
            "--include-irsa",
            .. more,
        ];
    }
}
