using System.Globalization;
using System.Text;

namespace EksAccessMigrator.Bench;

/// <summary>
/// Writes a realistic `kubectl get pods -A -o yaml` (or `-o json`) style export of N pods (about 1.3 KB each), the
/// same pods in both forms.
/// </summary>
internal static class ExportGenerator
{
    public static void WriteJson(string path, int pods)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
        for (var i = 0; i < pods; i++)
        {
            var ns = $"team-{i % 200}";
            writer.Write(string.Format(CultureInfo.InvariantCulture, PodJsonFormat, i, ns, i % 37));
            writer.Write(i + 1 < pods ? ",\n" : "\n");
        }

        writer.Write("    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
    }

    private static readonly CompositeFormat PodJsonFormat = CompositeFormat.Parse(PodJson);

    private const string PodJson = """
        {{
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {{
                "annotations": {{
                    "iam.amazonaws.com/role": "app-role-{2}",
                    "kubectl.kubernetes.io/restartedAt": "2026-11-01T10:00:00Z"
                }},
                "creationTimestamp": "2026-11-01T10:00:00Z",
                "generateName": "web-{0}-",
                "labels": {{
                    "app": "web-{0}",
                    "pod-template-hash": "5d8f7c9b6"
                }},
                "name": "web-{0}-5d8f7c9b6-abcde",
                "namespace": "{1}",
                "ownerReferences": [
                    {{
                        "apiVersion": "apps/v1",
                        "blockOwnerDeletion": true,
                        "controller": true,
                        "kind": "ReplicaSet",
                        "name": "web-{0}-5d8f7c9b6",
                        "uid": "0b7c3e52-1f0a-4c8e-9a57-{0:D12}"
                    }}
                ],
                "resourceVersion": "{0}",
                "uid": "6f1d2a3b-4c5d-4e6f-8a9b-{0:D12}"
            }},
            "spec": {{
                "containers": [
                    {{
                        "env": [
                            {{
                                "name": "AWS_REGION",
                                "value": "eu-west-1"
                            }}
                        ],
                        "image": "registry.example.com/web:1.2.3",
                        "imagePullPolicy": "IfNotPresent",
                        "name": "web",
                        "ports": [
                            {{
                                "containerPort": 8080,
                                "protocol": "TCP"
                            }}
                        ],
                        "resources": {{
                            "limits": {{
                                "memory": "256Mi"
                            }},
                            "requests": {{
                                "cpu": "100m",
                                "memory": "128Mi"
                            }}
                        }}
                    }}
                ],
                "dnsPolicy": "ClusterFirst",
                "nodeName": "ip-10-0-1-23.eu-west-1.compute.internal",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "serviceAccount": "default",
                "serviceAccountName": "default",
                "terminationGracePeriodSeconds": 30
            }},
            "status": {{
                "phase": "Running",
                "podIP": "10.0.1.45"
            }}
        }}
""";

    public static void Write(string path, int pods)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: \"\"\nitems:\n");
        for (var i = 0; i < pods; i++)
        {
            var ns = $"team-{i % 200}";
            writer.Write(string.Format(CultureInfo.InvariantCulture, PodFormat, i, ns, i % 37));
        }
    }

    private static readonly CompositeFormat PodFormat = CompositeFormat.Parse(Pod);

    private const string Pod = """
- apiVersion: v1
  kind: Pod
  metadata:
    annotations:
      iam.amazonaws.com/role: app-role-{2}
      kubectl.kubernetes.io/restartedAt: "2026-11-01T10:00:00Z"
    creationTimestamp: "2026-11-01T10:00:00Z"
    generateName: web-{0}-
    labels:
      app: web-{0}
      pod-template-hash: 5d8f7c9b6
    name: web-{0}-5d8f7c9b6-abcde
    namespace: {1}
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-{0}-5d8f7c9b6
      uid: 0b7c3e52-1f0a-4c8e-9a57-{0:D12}
    resourceVersion: "{0}"
    uid: 6f1d2a3b-4c5d-4e6f-8a9b-{0:D12}
  spec:
    containers:
    - env:
      - name: AWS_REGION
        value: eu-west-1
      image: registry.example.com/web:1.2.3
      imagePullPolicy: IfNotPresent
      name: web
      ports:
      - containerPort: 8080
        protocol: TCP
      resources:
        limits:
          memory: 256Mi
        requests:
          cpu: 100m
          memory: 128Mi
    dnsPolicy: ClusterFirst
    nodeName: ip-10-0-1-23.eu-west-1.compute.internal
    restartPolicy: Always
    schedulerName: default-scheduler
    serviceAccount: default
    serviceAccountName: default
    terminationGracePeriodSeconds: 30
  status:
    phase: Running
    podIP: 10.0.1.45

""";
}
