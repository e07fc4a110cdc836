using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>The kube2iam or kiam settings in effect (rule K1): the agents' own flags, overridden by the migrator's options.</summary>
internal sealed record IdentityConfiguration
{
    public const string DefaultRoleKey = "iam.amazonaws.com/role";
    public const string DefaultNamespaceKey = "iam.amazonaws.com/allowed-roles";
    public const string KiamPermittedKey = "iam.amazonaws.com/permitted";
    public const string DefaultExternalIdKey = "iam.amazonaws.com/external-id";

    /// <summary><see cref="Core.Inventory.IdentityAgentKinds.Kube2iam"/> or <c>kiam</c>.</summary>
    public required string Mechanism { get; init; }

    public bool IsKiam => Mechanism == Kiam;

    public const string Kiam = "kiam";

    /// <summary>The base ARN ending in <c>/</c>, or null when unknown.</summary>
    public string? BaseArn { get; init; }

    /// <summary>Why the base ARN is unknown or unusable, for the role-base-unknown message.</summary>
    public string? BaseArnProblem { get; init; }

    /// <summary>kube2iam's default role as configured (a name or an ARN); null when none.</summary>
    public string? DefaultRole { get; init; }

    /// <summary>kube2iam <c>--auto-discover-default-role</c>: the default role is each node's own role.</summary>
    public bool DefaultRoleIsNodeRole { get; init; }

    public string RoleKey { get; init; } = DefaultRoleKey;

    /// <summary>
    /// The pod annotation that carries an external ID (rules K1, K8): kube2iam <c>--iam-external-id</c> names it (it is
    /// not an external ID itself); kiam always reads the default key.
    /// </summary>
    public string ExternalIdKey { get; init; } = DefaultExternalIdKey;

    /// <summary>kube2iam <c>--namespace-restrictions</c>; kiam always restricts.</summary>
    public bool Restrictions { get; init; }

    public string NamespaceKey { get; init; } = DefaultNamespaceKey;

    /// <summary><c>glob</c> or <c>regexp</c> (kube2iam).</summary>
    public string RestrictionFormat { get; init; } = "glob";

    /// <summary>kiam: the <c>permitted</c> regexp is wrapped as <c>"^" + expr + "$"</c> (off with <c>--disable-strict-namespace-regexp</c>).</summary>
    public bool KiamStrict { get; init; } = true;

    /// <summary>kiam server <c>--assume-role-arn</c>: the role app roles trust instead of the node role.</summary>
    public string? KiamAssumeRoleArn { get; init; }

    /// <summary>Every flag and option that was read, as sources (<c>kube-system/DaemonSet/kube2iam:--base-role-arn</c>).</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What was read, in words, for the configuration finding.</summary>
    public ImmutableArray<string> Settings { get; init; } = [];
}
