using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>One page of <see cref="Ec2NodeClass"/> objects (<c>EC2NodeClassList</c>).</summary>
public sealed class Ec2NodeClassList : IItems<Ec2NodeClass>, IMetadata<V1ListMeta>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<Ec2NodeClass> Items { get; set; } = [];
}
