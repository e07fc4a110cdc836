namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>The command lines of the shipped examples, as the README and playbooks show them.</summary>
internal static class Examples
{
    public static string[] EveryRule(params string[] more)
    {
        var dir = Repo.Path_("playbooks", "examples", "aws-auth-every-rule");
        return
        [
            "plan",
            "--from", Path.Combine(dir, "cluster-export.yaml"),
            "--iam-snapshot", Path.Combine(dir, "iam-roles.json"),
            "--iam-snapshot", Path.Combine(dir, "iam-users.json"),
            "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333",
            .. more,
        ];
    }

    public static string[] PartlyMigrated(params string[] more)
    {
        var dir = Repo.Path_("playbooks", "examples", "aws-auth-partly-migrated");
        return
        [
            "plan",
            "--from", Path.Combine(dir, "aws-auth.yaml"),
            "--iam-snapshot", Path.Combine(dir, "iam.json"),
            "--access-entries", Path.Combine(dir, "access-entries.json"),
            "--cluster", "shop-staging", "--region", "eu-west-1", "--account", "111122223333",
            "--authentication-mode", "API_AND_CONFIG_MAP",
            .. more,
        ];
    }
}
