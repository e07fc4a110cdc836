using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The plan file: indented JSON with LF line ends, members in a fixed order, nulls left out. Reading is strict:
/// unknown members, missing required members, an unknown <c>formatVersion</c> or a summary that does not match
/// the contents are errors.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowOutOfOrderMetadataProperties = true,

        // Every enum of the plan carries WireEnumConverter (fixed wire texts, unknown values refused); a global
        // converter here would take precedence over it.
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Serialize(MigrationPlan plan) => JsonSerializer.Serialize(plan, Options) + "\n";

    /// <summary>
    /// The same bytes as <see cref="Serialize"/> in UTF-8, written to <paramref name="stream"/> as they are produced,
    /// so a large plan is never held as one string.
    /// </summary>
    public static void Serialize(Stream stream, MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, plan, Options);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>One change as compact JSON with its <c>action</c>, for journals and comparisons.</summary>
    public static string SerializeChange(PlanChange change) => JsonSerializer.Serialize(change, Compact);

    /// <summary>Reads a plan; <paramref name="origin"/> names the file in errors.</summary>
    public static MigrationPlan Deserialize(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckFormatVersion(json, origin);
        MigrationPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<MigrationPlan>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"{origin}:{line + 1}" : origin;
            var member = ex.Path is { } path && !ex.Message.Contains(path, StringComparison.Ordinal) ? $" (at {path})" : string.Empty;
            throw new PlanFormatException($"{where}: the plan file is not valid: {ex.Message}{member} Re-create it with 'eks-access-migrator plan'.", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new PlanFormatException($"{origin}: the plan file is not valid: {ex.Message} Re-create it with 'eks-access-migrator plan'.", ex);
        }

        if (plan is null)
        {
            throw new PlanFormatException($"{origin}: the plan file holds null instead of a plan.");
        }

        CheckConsistency(plan, origin);
        return plan;
    }

    private static void CheckFormatVersion(string json, string origin)
    {
        JsonElement version;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("formatVersion", out version))
            {
                throw new PlanFormatException($"{origin}: not a plan file: it has no 'formatVersion'. Plan files are written by 'eks-access-migrator plan --out FILE'.");
            }

            version = version.Clone();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"{origin}:{line + 1}" : origin;
            throw new PlanFormatException($"{where}: the plan file is not JSON: {ex.Message}", ex);
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != MigrationPlan.CurrentFormatVersion)
        {
            throw new PlanFormatException($"{origin}: plan format version {version.GetRawText()} is not supported; this build of eks-access-migrator reads version {MigrationPlan.CurrentFormatVersion}. Use the tool version that wrote the plan, or plan again with this one.")
            {
                UnsupportedVersion = true,
            };
        }
    }

    private static void CheckConsistency(MigrationPlan plan, string origin)
    {
        var problems = new StringBuilder();
        if (plan.Changes.IsDefault || plan.NoOps.IsDefault || plan.Findings.IsDefault)
        {
            throw new PlanFormatException($"{origin}: the plan file lacks 'changes', 'noOps' or 'findings'.");
        }

        if (!ClusterNames.IsValid(plan.Cluster.Name))
        {
            problems.Append(" Its cluster name is not an EKS cluster name (1-100 letters, digits, hyphens and underscores, starting with a letter or digit).");
        }

        var duplicate = plan.Changes.GroupBy(c => c.Address, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Append($" The address '{duplicate.Key}' appears {duplicate.Count()} times.");
        }

        var expected = PlanSummary.Of(plan.Changes, plan.NoOps, plan.Findings);
        if (!expected.SameCounts(plan.Summary))
        {
            problems.Append(" Its summary does not match its changes and findings (was it edited by hand?).");
        }

        if (plan.Changes.Any(c => c is UpdateClusterConfigChange && c.Reversible))
        {
            problems.Append(" It marks an authentication-mode change as reversible, which it never is.");
        }

        // Values the types allow but docs/plan.schema.json narrows: a plan never holds them.
        if (plan.Options.TargetAuthenticationMode is { } target && target != Inventory.AuthenticationMode.Api)
        {
            problems.Append($" Its options.targetAuthenticationMode is {target.Wire()}; the only target is API.");
        }

        if (plan.Changes.OfType<UpdateClusterConfigChange>().FirstOrDefault(c => c.AuthenticationMode == Inventory.AuthenticationMode.ConfigMap) is { } back)
        {
            problems.Append($" The change '{back.Address}' switches to {back.AuthenticationMode.Wire()}, which EKS never allows (modes only move forward).");
        }

        if (plan.Cluster.Partition is not ("aws" or "aws-cn" or "aws-us-gov"))
        {
            problems.Append($" Its cluster.partition '{plan.Cluster.Partition}' is not aws, aws-cn or aws-us-gov.");
        }

        if (plan.Options.Workloads.NamespaceRestrictionFormat is { } format and not ("glob" or "regexp"))
        {
            problems.Append($" Its options.workloads.namespaceRestrictionFormat '{format}' is neither glob nor regexp.");
        }

        if (plan.Changes.OfType<CreateAddonChange>().FirstOrDefault(c => c.AddonName != CreateAddonChange.PodIdentityAgent) is { } addon)
        {
            problems.Append($" The change '{addon.Address}' creates the add-on '{addon.AddonName}'; plans only create {CreateAddonChange.PodIdentityAgent}.");
        }

        foreach (var replace in plan.Changes.OfType<ReplaceConfigMapChange>())
        {
            if (replace.Namespace != "kube-system" || replace.Name != "aws-auth")
            {
                problems.Append($" The change '{replace.Address}' replaces {replace.Namespace}/{replace.Name}; plans only replace kube-system/aws-auth.");
            }

            if (replace.RemovedEntries.IsDefaultOrEmpty || replace.RemovedEntries.Any(e => e.Section is not ("mapRoles" or "mapUsers")))
            {
                problems.Append($" The change '{replace.Address}' removes no aws-auth row, or one outside mapRoles and mapUsers.");
            }
        }

        if (plan.Changes.OfType<RestartWorkloadChange>().FirstOrDefault(c => !WorkloadKinds.IsRestartable(c.Kind)) is { } restart)
        {
            problems.Append($" The change '{restart.Address}' restarts a {restart.Kind.Wire()}, which has no rolling restart (only Deployment, StatefulSet, DaemonSet and ReplicaSet).");
        }

        if (problems.Length > 0)
        {
            throw new PlanFormatException($"{origin}: the plan file is inconsistent.{problems} Re-create it with 'eks-access-migrator plan'.");
        }
    }
}
