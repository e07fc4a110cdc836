using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// A Karpenter <c>EC2NodeClass</c> (<c>karpenter.k8s.aws/v1</c>, cluster-scoped custom resource) as listed: its
/// metadata and its spec kept as read, so the offline collectors see the same object an export holds.
/// </summary>
public sealed class Ec2NodeClass : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API group.</summary>
    public const string Group = "karpenter.k8s.aws";

    /// <summary>The served version.</summary>
    public const string Version = "v1";

    /// <summary>The resource name in URLs.</summary>
    public const string Plural = "ec2nodeclasses";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Group + "/" + Version;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "EC2NodeClass";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec as the API server returned it (<c>spec.role</c> is what rules N1-N3 read).</summary>
    [JsonPropertyName("spec")]
    public JsonElement? Spec { get; set; }
}
