using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Builds planner inputs from short YAML snippets, as an operator would write aws-auth.</summary>
internal static class Given
{
    public const string Account = "111122223333";

    public static AwsAuthConfigMap AwsAuthOf(string? mapRoles = null, string? mapUsers = null, string? mapAccounts = null, params (string Key, string Value)[] extra)
    {
        var data = ImmutableArray.CreateBuilder<AwsAuthDataValue>();
        var line = 10;
        void Add(string key, string value)
        {
            data.Add(new AwsAuthDataValue(key, value, true, new SourceLocation("aws-auth.yaml", line), 1));
            line += 20;
        }

        if (mapRoles is not null)
        {
            Add("mapRoles", mapRoles);
        }

        if (mapUsers is not null)
        {
            Add("mapUsers", mapUsers);
        }

        if (mapAccounts is not null)
        {
            Add("mapAccounts", mapAccounts);
        }

        foreach (var (key, value) in extra)
        {
            Add(key, value);
        }

        return new AwsAuthConfigMap(new SourceLocation("aws-auth.yaml", 1), data.ToImmutable(), "1");
    }

    public static IamSnapshot Iam(params string[] arns) =>
        new([.. arns.Select(a => IamPrincipalArn.TryParse(a, out var p, out var e) ? p : throw new ArgumentException(e))]);

    public static ClusterInventory ClusterOf(
        AwsAuthConfigMap? awsAuth,
        IamSnapshot? iam = null,
        AuthenticationMode mode = AuthenticationMode.ConfigMap,
        ImmutableArray<ExistingAccessEntry>? existing = null,
        string? caller = null) =>
        new(new ClusterContext("prod", "eu-west-1", Account, "aws", mode), awsAuth, iam ?? IamSnapshot.Empty, existing, caller);

    public static MigrationPlan Plan(ClusterInventory inventory, PlannerOptions? options = null) =>
        MigrationPlanner.Plan(inventory, options ?? new PlannerOptions());

    public static MigrationPlan PlanRoles(string mapRoles, IamSnapshot? iam = null, PlannerOptions? options = null) =>
        Plan(ClusterOf(AwsAuthOf(mapRoles: mapRoles), iam), options);

    public static ExistingAccessEntry Entry(string arn, string type, string? username, string[] groups, params (string Policy, AccessScope Scope)[] policies) =>
        new(arn, WireNames.TryParse<AccessEntryType>(type, out var t) ? t : throw new ArgumentException($"unknown type {type}", nameof(type)), username, [.. groups], [.. policies.Select(p => new ExistingPolicyAssociation(p.Policy, p.Scope))]);

    public static string Admin => AccessPolicyArns.ClusterAdmin("aws");
}
