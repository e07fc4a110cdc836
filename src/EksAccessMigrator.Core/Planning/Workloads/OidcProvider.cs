using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Rule R2: this cluster's OIDC provider, in both issuer host forms (<c>oidc.eks.REGION.amazonaws.com/id/X</c> and the
/// dual-stack <c>oidc-eks.REGION.api.aws/id/X</c>), and how a trust statement for it is narrowed to the
/// ServiceAccounts that stay on IRSA.
/// </summary>
internal sealed partial class OidcProvider
{
    private readonly ImmutableArray<string> _arns;

    private OidcProvider(ImmutableArray<string> arns) => _arns = arns;

    /// <summary>The provider ARNs in the cluster's account for every host form of the issuer.</summary>
    public static OidcProvider Of(string issuer, ClusterContext cluster)
    {
        var path = issuer.Trim().Replace("https://", string.Empty, StringComparison.OrdinalIgnoreCase).TrimEnd('/');
        var paths = new List<string> { path };
        if (Classic().Match(path) is { Success: true } classic)
        {
            if (classic.Groups["cn"].Length == 0)
            {
                paths.Add($"oidc-eks.{classic.Groups["region"].Value}.api.aws/id/{classic.Groups["id"].Value}");
            }
        }
        else if (DualStack().Match(path) is { Success: true } dual)
        {
            var suffix = cluster.Partition == "aws-cn" ? ".cn" : string.Empty;
            paths.Add($"oidc.eks.{dual.Groups["region"].Value}.amazonaws.com{suffix}/id/{dual.Groups["id"].Value}");
        }

        return new OidcProvider([.. paths.Select(p => $"arn:{cluster.Partition}:iam::{cluster.AccountId}:oidc-provider/{p}")]);
    }

    public static string Subject(string ns, string serviceAccount) => $"system:serviceaccount:{ns}:{serviceAccount}";

    /// <summary>True when every federated principal of the statement is this cluster's provider (never another cluster's).</summary>
    public bool IsThisClusters(JsonObject statement)
    {
        var federated = statement["Principal"] is JsonObject principal ? Values(principal["Federated"]) : [];
        return federated.Count > 0 && federated.All(f => _arns.Any(a => string.Equals(a, f, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The statement with the migrated subjects taken out of its <c>:sub</c> conditions: the same object when nothing
    /// changes, a narrowed copy, or null when no subject is left (or it names none and nobody stays), so it goes.
    /// A wildcard value is taken out only when it matches a migrated subject and no staying one.
    /// </summary>
    public static JsonObject? Narrow(JsonObject statement, IReadOnlySet<string> migrated, IReadOnlyList<string> staying)
    {
        var keys = SubjectKeys(statement).ToList();
        if (keys.Count == 0)
        {
            return staying.Count > 0 ? statement : null;
        }

        var copy = (JsonObject)statement.DeepClone();
        var changed = false;
        foreach (var (op, key) in keys)
        {
            var condition = (JsonObject)copy["Condition"]![op]!;
            var values = Values(condition[key]);
            var like = op.Contains("Like", StringComparison.Ordinal);
            var kept = values.Where(v => !Migrated(v, like, migrated, staying)).ToList();
            if (kept.Count == 0)
            {
                return null;
            }

            if (kept.Count != values.Count)
            {
                condition[key] = kept.Count == 1 && condition[key] is JsonValue ? JsonValue.Create(kept[0]) : new JsonArray([.. kept.Select(k => (JsonNode)JsonValue.Create(k))]);
                changed = true;
            }
        }

        return changed ? copy : statement;
    }

    private static bool Migrated(string value, bool like, IReadOnlySet<string> migrated, IReadOnlyList<string> staying)
    {
        if (migrated.Contains(value))
        {
            return true;
        }

        if (!like || (!value.Contains('*', StringComparison.Ordinal) && !value.Contains('?', StringComparison.Ordinal)))
        {
            return false;
        }

        var pattern = new Regex("^" + string.Concat(value.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return migrated.Any(pattern.IsMatch) && !staying.Any(pattern.IsMatch);
    }

    private static IEnumerable<(string Operator, string Key)> SubjectKeys(JsonObject statement)
    {
        if (statement["Condition"] is not JsonObject condition)
        {
            yield break;
        }

        foreach (var (op, body) in condition)
        {
            if (body is JsonObject keys)
            {
                foreach (var (key, _) in keys)
                {
                    if (key.EndsWith(":sub", StringComparison.Ordinal))
                    {
                        yield return (op, key);
                    }
                }
            }
        }
    }

    /// <summary>A string or a list of strings, in order.</summary>
    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(TrustPolicyDocument.Text).OfType<string>()],
        _ => TrustPolicyDocument.Text(node) is { } s ? [s] : [],
    };

    [GeneratedRegex(@"^oidc\.eks\.(?<region>[a-z0-9-]+)\.amazonaws\.com(?<cn>\.cn)?/id/(?<id>[A-Za-z0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Classic();

    [GeneratedRegex(@"^oidc-eks\.(?<region>[a-z0-9-]+)\.api\.aws/id/(?<id>[A-Za-z0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DualStack();
}
