using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>A role's trust policy as JSON nodes: read, compared, extended and shrunk without touching other statements (rule K6).</summary>
internal sealed class TrustPolicyDocument
{
    public const string PodsService = "pods.eks.amazonaws.com";

    /// <summary>IAM's default limit on a trust policy's length (whitespace not counted); it may be raised to 4,096.</summary>
    public const int SizeLimit = 2048;

    private readonly JsonObject _root;

    private TrustPolicyDocument(JsonObject root) => _root = root;

    /// <summary>Null when the text is not a JSON object with a Statement.</summary>
    public static TrustPolicyDocument? Parse(string text) => PolicyJson.Parse(text) is { } root ? new TrustPolicyDocument(root) : null;

    public IReadOnlyList<JsonObject> Statements => [.. ((JsonArray)_root["Statement"]!).OfType<JsonObject>()];

    public TrustPolicyDocument Clone() => new((JsonObject)_root.DeepClone());

    public void Add(JsonObject statement) => ((JsonArray)_root["Statement"]!).Add(statement.DeepClone());

    public void Remove(JsonObject statement)
    {
        var list = (JsonArray)_root["Statement"]!;
        var index = list.Select((s, i) => (s, i)).First(p => JsonNode.DeepEquals(p.s, statement)).i;
        list.RemoveAt(index);
    }

    /// <summary>Puts a narrowed statement where the original one was (rule R2).</summary>
    public void Replace(JsonObject statement, JsonObject replacement)
    {
        var list = (JsonArray)_root["Statement"]!;
        var index = list.Select((s, i) => (s, i)).First(p => JsonNode.DeepEquals(p.s, statement)).i;
        list[index] = replacement.DeepClone();
    }

    /// <summary>Length as IAM counts it: the document without insignificant whitespace.</summary>
    public int Length => _root.ToJsonString().Length;

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(_root);

    /// <summary>The statement rule K6 adds for one (cluster, namespace, ServiceAccount), with a stable Sid.</summary>
    public static JsonObject PodIdentityStatement(string clusterArn, string ns, string serviceAccount) => new()
    {
        ["Sid"] = Sid(clusterArn, ns, serviceAccount),
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = PodsService },
        ["Action"] = new JsonArray("sts:AssumeRole", "sts:TagSession"),
        ["Condition"] = new JsonObject
        {
            ["StringEquals"] = new JsonObject
            {
                ["aws:RequestTag/eks-cluster-arn"] = clusterArn,
                ["aws:RequestTag/kubernetes-namespace"] = ns,
                ["aws:RequestTag/kubernetes-service-account"] = serviceAccount,
            },
        },
    };

    public static string Sid(string clusterArn, string ns, string serviceAccount)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{clusterArn}\n{ns}\n{serviceAccount}"));
        return "EksPodIdentity" + Convert.ToHexString(hash, 0, 10);
    }

    /// <summary>
    /// Whether the document already lets Pod Identity assume the role for this ServiceAccount: a statement with the
    /// same Sid, or an Allow for pods.eks.amazonaws.com with AssumeRole and TagSession and either no condition or exactly this one.
    /// </summary>
    public bool AlreadyTrusts(JsonObject wanted)
    {
        var sid = wanted["Sid"]!.GetValue<string>();
        foreach (var s in Statements)
        {
            if (s["Sid"] is JsonValue v && v.TryGetValue<string>(out var existing) && existing == sid)
            {
                return true;
            }

            if (Text(s["Effect"]) != "Allow" || !Strings(s["Principal"]?["Service"]).Contains(PodsService))
            {
                continue;
            }

            var actions = Strings(s["Action"]);
            var allows = actions.Contains("sts:*") || actions.Contains("*") || (actions.Contains("sts:AssumeRole") && actions.Contains("sts:TagSession"));
            if (allows && (s["Condition"] is null || JsonNode.DeepEquals(s["Condition"], wanted["Condition"])))
            {
                return true;
            }
        }

        return false;
    }

    public static string? Text(JsonNode? node) => PolicyJson.Text(node);

    /// <summary>A string or a list of strings, as IAM allows for Action and principals.</summary>
    public static HashSet<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a => [.. a.Select(Text).OfType<string>()],
        _ => [],
    };
}
