using System.Globalization;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Bench.Generation;

/// <summary>
/// The objects of a synthetic cluster of a <see cref="ClusterShape"/>, as <c>kubectl get -o json</c> shows them: the
/// namespaces (kube-system with a uid), the aws-auth ConfigMap (node roles and one STANDARD row per team role), the
/// kube2iam DaemonSet, Deployments whose pod templates name a kube2iam role, and their pods (owned by a
/// ReplicaSet, with the fields a real pod carries). The same objects are the exported files and the fakes' seed data.
/// </summary>
internal static class SyntheticCluster
{
    public const string Account = "111122223333";
    public const string Region = "eu-west-1";
    public const string Name = "bench";
    public const string KubeSystemUid = "9c6b1e5e-0b1d-4c1a-9f8e-000000000001";

    public static IEnumerable<JsonObject> Objects(ClusterShape shape)
    {
        yield return Namespace("kube-system", KubeSystemUid);
        for (var n = 0; n < shape.Namespaces; n++)
        {
            yield return Namespace(NamespaceOf(n), $"5a1f0c3e-2b4d-4e6f-8a9b-{n:D12}");
        }

        yield return AwsAuth(shape.AwsAuthRows);
        yield return Kube2Iam();
        for (var w = 0; w < shape.Workloads; w++)
        {
            if (w % 3 != 0)
            {
                yield return ServiceAccount(w, shape);
            }

            yield return Deployment(w, shape);
        }

        for (var w = 0; w < shape.Workloads; w++)
        {
            for (var p = 0; p < shape.PodsPerWorkload; p++)
            {
                yield return Pod(w, p, shape);
            }
        }
    }

    public static string NamespaceOf(int n) => $"team-{n}";

    private static string WorkloadNamespace(int w, ClusterShape shape) => NamespaceOf(w % shape.Namespaces);

    private static JsonObject Namespace(string name, string uid) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["creationTimestamp"] = "2026-11-01T10:00:00Z",
            ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name },
            ["name"] = name,
            ["resourceVersion"] = "1",
            ["uid"] = uid,
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    private static JsonObject AwsAuth(int rows)
    {
        var text = new System.Text.StringBuilder();
        text.Append("- rolearn: arn:aws:iam::").Append(Account).Append(":role/eks-node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n  - system:bootstrappers\n  - system:nodes\n");
        for (var r = 1; r < rows; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- rolearn: arn:aws:iam::{Account}:role/team-{r}-dev\n  username: team-{r}-dev\n  groups:\n  - team-{r}-devs\n");
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "aws-auth", ["namespace"] = "kube-system", ["resourceVersion"] = "7", ["uid"] = "3e0f5a2c-1d4b-4c6e-8f9a-000000000002" },
            ["data"] = new JsonObject { ["mapRoles"] = text.ToString() },
        };
    }

    private static JsonObject Kube2Iam() => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "DaemonSet",
        ["metadata"] = new JsonObject { ["name"] = "kube2iam", ["namespace"] = "kube-system", ["resourceVersion"] = "11", ["uid"] = "7b2c4d6e-8f0a-4b1c-9d2e-000000000003" },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["name"] = "kube2iam" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["name"] = "kube2iam" } },
                ["spec"] = new JsonObject
                {
                    ["hostNetwork"] = true,
                    ["serviceAccountName"] = "kube2iam",
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "kube2iam",
                        ["image"] = "jtblin/kube2iam:0.11.2",
                        ["args"] = new JsonArray($"--base-role-arn=arn:aws:iam::{Account}:role/", "--iptables=true", "--host-interface=eni+"),
                        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8181, ["hostPort"] = 8181, ["name"] = "http" }),
                    }),
                },
            },
        },
    };

    private static string RoleOf(int w) => $"app-{w % 500}";

    private static JsonObject ServiceAccount(int w, ClusterShape shape) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"web-{w}",
            ["namespace"] = WorkloadNamespace(w, shape),
            ["resourceVersion"] = (500 + w).ToString(CultureInfo.InvariantCulture),
            ["uid"] = $"2e3f4a5b-6c7d-4e8f-9a0b-{w:D12}",
        },
    };

    private static JsonObject Deployment(int w, ClusterShape shape)
    {
        var ns = WorkloadNamespace(w, shape);
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "3" },
                ["creationTimestamp"] = "2026-11-01T10:00:00Z",
                ["generation"] = 3,
                ["labels"] = new JsonObject { ["app"] = $"web-{w}" },
                ["name"] = $"web-{w}",
                ["namespace"] = ns,
                ["resourceVersion"] = (1000 + w).ToString(CultureInfo.InvariantCulture),
                ["uid"] = $"1d2e3f4a-5b6c-4d7e-8f9a-{w:D12}",
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = shape.PodsPerWorkload,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = $"web-{w}" } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["annotations"] = new JsonObject { ["iam.amazonaws.com/role"] = RoleOf(w) },
                        ["labels"] = new JsonObject { ["app"] = $"web-{w}" },
                    },
                    ["spec"] = PodSpec(w, null),
                },
            },
            ["status"] = new JsonObject { ["availableReplicas"] = shape.PodsPerWorkload, ["readyReplicas"] = shape.PodsPerWorkload, ["replicas"] = shape.PodsPerWorkload },
        };
    }

    private static JsonObject Pod(int w, int p, ClusterShape shape)
    {
        var ns = WorkloadNamespace(w, shape);
        var id = (w * shape.PodsPerWorkload) + p;
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    ["iam.amazonaws.com/role"] = RoleOf(w),
                    ["kubectl.kubernetes.io/restartedAt"] = "2026-11-01T10:00:00Z",
                },
                ["creationTimestamp"] = "2026-11-01T10:00:00Z",
                ["generateName"] = $"web-{w}-5d8f7c9b6-",
                ["labels"] = new JsonObject { ["app"] = $"web-{w}", ["pod-template-hash"] = "5d8f7c9b6" },
                ["name"] = $"web-{w}-5d8f7c9b6-{p:D5}",
                ["namespace"] = ns,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["blockOwnerDeletion"] = true,
                    ["controller"] = true,
                    ["kind"] = "ReplicaSet",
                    ["name"] = $"web-{w}-5d8f7c9b6",
                    ["uid"] = $"0b7c3e52-1f0a-4c8e-9a57-{w:D12}",
                }),
                ["resourceVersion"] = (100_000 + id).ToString(CultureInfo.InvariantCulture),
                ["uid"] = $"6f1d2a3b-4c5d-4e6f-8a9b-{id:D12}",
            },
            ["spec"] = PodSpec(w, $"ip-10-0-{id % 250}-{id % 200}.{Region}.compute.internal"),
            ["status"] = new JsonObject
            {
                ["hostIP"] = $"10.0.{id % 250}.{id % 200}",
                ["phase"] = "Running",
                ["podIP"] = $"10.1.{id % 250}.{id % 199}",
                ["qosClass"] = "Burstable",
                ["startTime"] = "2026-11-01T10:00:05Z",
            },
        };
    }

    private static JsonObject PodSpec(int w, string? nodeName)
    {
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["env"] = new JsonArray(new JsonObject { ["name"] = "AWS_REGION", ["value"] = Region }),
                ["image"] = "registry.example.com/web:1.2.3",
                ["imagePullPolicy"] = "IfNotPresent",
                ["name"] = "web",
                ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
                ["resources"] = new JsonObject
                {
                    ["limits"] = new JsonObject { ["memory"] = "256Mi" },
                    ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                },
            }),
            ["dnsPolicy"] = "ClusterFirst",
            ["nodeSelector"] = new JsonObject { ["kubernetes.io/os"] = "linux" },
            ["restartPolicy"] = "Always",
            ["schedulerName"] = "default-scheduler",
            ["serviceAccountName"] = w % 3 == 0 ? "default" : $"web-{w}",
            ["terminationGracePeriodSeconds"] = 30,
        };
        if (nodeName is not null)
        {
            spec["nodeName"] = nodeName;
        }

        return spec;
    }
}
