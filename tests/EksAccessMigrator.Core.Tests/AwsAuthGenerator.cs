using System.Text;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Random aws-auth sections mixing valid, hostile and malformed entries.</summary>
internal static class AwsAuthGenerator
{
    private static readonly string[] Accounts = ["111122223333", "444455556666", "11111111111"];
    private static readonly string[] Names =
    [
        "admin", "Admin", "dev", "nodes", "teams/dev", "teams/admin", "aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1",
        "AWSReservedSSO_Admin_1", "AWSServiceRoleForX", "fargate", "ci",
    ];
    private static readonly string[] Usernames =
    [
        "", "admin", "dev:{{SessionName}}", "{{SessionName}}", "dev:{{SessionNameRaw}}", "system:node:{{EC2PrivateDNSName}}",
        "system:node:{{SessionName}}", "eks:x", "x:{{AccountID}}", "alice",
    ];

    private static readonly string[] Groups =
    [
        "system:masters", "system:nodes", "system:bootstrappers", "system:node-proxier", "eks:kube-proxy-windows",
        "system:monitoring", "dev", "ops", "team-{{SessionName}}",
    ];

    public static (string Roles, string Users, string Accounts) Generate(Random random)
    {
        var roles = new StringBuilder();
        var users = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            var isUser = random.Next(4) == 0;
            var target = isUser ? users : roles;
            var account = Pick(random, Accounts);
            var kind = isUser && random.Next(3) > 0 ? "user" : "role";
            var arn = random.Next(12) switch
            {
                0 => $"arn:aws:sts::{account}:assumed-role/{Pick(random, Names).Split('/')[^1]}/session",
                1 => $"arn:aws:iam::{account}:root",
                _ => $"arn:aws:iam::{account}:{kind}/{Pick(random, Names)}",
            };
            switch (random.Next(10))
            {
                case 0:
                    target.Append("- username: nobody\n");
                    continue;
                case 1 when !isUser:
                    target.Append($"- sso:\n    permissionSetName: Admin\n    accountID: \"{Pick(random, Accounts)}\"\n");
                    break;
                default:
                    target.Append($"- {(isUser ? "userarn" : "rolearn")}: \"{arn}\"\n");
                    break;
            }

            var username = Pick(random, Usernames);
            if (username.Length > 0)
            {
                target.Append($"  username: \"{username}\"\n");
            }

            var groups = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, Groups)).Distinct().ToList();
            if (groups.Count > 0)
            {
                target.Append($"  groups: [{string.Join(", ", groups.Select(g => $"\"{g}\""))}]\n");
            }
        }

        var accounts = random.Next(5) == 0 ? "- \"777777777777\"\n" : string.Empty;
        if (random.Next(15) == 0)
        {
            roles.Append("- rolearn: [broken\n");
        }

        return (roles.ToString(), users.ToString(), accounts);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
