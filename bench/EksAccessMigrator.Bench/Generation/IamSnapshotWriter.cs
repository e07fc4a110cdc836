using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Bench.Generation;

/// <summary>
/// An <c>aws iam get-account-authorization-details</c> export of the synthetic account: the roles the workloads use
/// (<c>app-0</c> .. <c>app-499</c>) among as many other roles as a large account holds, each with its trust policy
/// (the node role may assume it, as kube2iam needs). Read with <c>--iam-snapshot</c>, it makes the planner verify
/// every workload's role and read every trust policy it changes (rules K3, K6).
/// </summary>
internal static class IamSnapshotWriter
{
    public static void Write(string path, int roles)
    {
        var list = new JsonArray();
        for (var i = 0; i < roles; i++)
        {
            var name = i < 500 ? $"app-{i}" : $"other-{i}";
            list.Add(new JsonObject
            {
                ["Path"] = "/",
                ["RoleName"] = name,
                ["RoleId"] = $"AROA{i.ToString("D16", CultureInfo.InvariantCulture)}",
                ["Arn"] = $"arn:aws:iam::{SyntheticCluster.Account}:role/{name}",
                ["CreateDate"] = "2024-01-10T09:00:00+00:00",
                ["AssumeRolePolicyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(new JsonObject
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{SyntheticCluster.Account}:role/eks-node" },
                        ["Action"] = "sts:AssumeRole",
                    }),
                },
                ["RolePolicyList"] = new JsonArray(),
                ["AttachedManagedPolicies"] = new JsonArray(),
            });
        }

        var export = new JsonObject { ["RoleDetailList"] = list, ["UserDetailList"] = new JsonArray(), ["GroupDetailList"] = new JsonArray(), ["Policies"] = new JsonArray() };
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        export.WriteTo(writer);
    }
}
