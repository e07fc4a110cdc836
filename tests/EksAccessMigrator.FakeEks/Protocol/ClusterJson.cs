using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Model;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Renders clusters, node groups and Fargate profiles as the model's output shapes.</summary>
internal static class ClusterJson
{
    public static JsonObject Cluster(ClusterState cluster)
    {
        var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(cluster.Arn)))[..32];
        return new JsonObject
        {
            ["name"] = cluster.Name,
            ["arn"] = cluster.Arn,
            ["createdAt"] = EksJson.Time(cluster.CreatedAt),
            ["version"] = cluster.Version,
            ["endpoint"] = $"https://{id}.gr7.{cluster.Region}.eks.amazonaws.com",
            ["roleArn"] = $"arn:aws:iam::{cluster.AccountId}:role/{cluster.Name}-cluster-role",
            ["resourcesVpcConfig"] = new JsonObject
            {
                ["subnetIds"] = EksJson.Strings(["subnet-0a1b2c3d"]),
                ["securityGroupIds"] = new JsonArray(),
                ["vpcId"] = "vpc-0a1b2c3d",
                ["endpointPublicAccess"] = true,
                ["endpointPrivateAccess"] = false,
            },
            ["kubernetesNetworkConfig"] = new JsonObject { ["serviceIpv4Cidr"] = "10.100.0.0/16", ["ipFamily"] = "ipv4" },
            ["identity"] = new JsonObject
            {
                ["oidc"] = new JsonObject { ["issuer"] = $"https://oidc.eks.{cluster.Region}.amazonaws.com/id/{id}" },
            },
            ["status"] = cluster.PendingUpdateId is null ? "ACTIVE" : "UPDATING",
            ["certificateAuthority"] = new JsonObject { ["data"] = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==" },
            ["platformVersion"] = "eks.20",
            ["tags"] = new JsonObject(),
            ["accessConfig"] = new JsonObject
            {
                ["bootstrapClusterCreatorAdminPermissions"] = cluster.BootstrapClusterCreatorAdminPermissions,
                ["authenticationMode"] = cluster.AuthenticationMode,
            },
        };
    }

    public static JsonObject Nodegroup(ClusterState cluster, NodegroupState nodegroup) => new()
    {
        ["nodegroupName"] = nodegroup.Name,
        ["nodegroupArn"] = nodegroup.Arn,
        ["clusterName"] = cluster.Name,
        ["version"] = cluster.Version,
        ["releaseVersion"] = cluster.Version + ".0-20240101",
        ["createdAt"] = EksJson.Time(nodegroup.CreatedAt),
        ["modifiedAt"] = EksJson.Time(nodegroup.CreatedAt),
        ["status"] = "ACTIVE",
        ["capacityType"] = "ON_DEMAND",
        ["scalingConfig"] = new JsonObject { ["minSize"] = 1, ["maxSize"] = 3, ["desiredSize"] = 2 },
        ["instanceTypes"] = EksJson.Strings(["m5.large"]),
        ["subnets"] = EksJson.Strings(["subnet-0a1b2c3d"]),
        ["amiType"] = nodegroup.AmiType,
        ["nodeRole"] = nodegroup.NodeRole,
        ["labels"] = new JsonObject(),
        ["resources"] = new JsonObject
        {
            ["autoScalingGroups"] = new JsonArray(new JsonObject { ["name"] = $"eks-{nodegroup.Name}-asg" }),
        },
        ["diskSize"] = 20,
        ["health"] = new JsonObject { ["issues"] = new JsonArray() },
        ["updateConfig"] = new JsonObject { ["maxUnavailable"] = 1 },
        ["tags"] = new JsonObject(),
    };

    public static JsonObject FargateProfile(ClusterState cluster, FargateProfileState profile)
    {
        var selectors = new JsonArray();
        foreach (var selector in profile.Selectors)
        {
            selectors.Add(new JsonObject
            {
                ["namespace"] = selector.Namespace,
                ["labels"] = EksJson.Map(selector.Labels ?? new Dictionary<string, string>()),
            });
        }

        return new JsonObject
        {
            ["fargateProfileName"] = profile.Name,
            ["fargateProfileArn"] = profile.Arn,
            ["clusterName"] = cluster.Name,
            ["createdAt"] = EksJson.Time(profile.CreatedAt),
            ["podExecutionRoleArn"] = profile.PodExecutionRoleArn,
            ["subnets"] = EksJson.Strings(["subnet-0a1b2c3d"]),
            ["selectors"] = selectors,
            ["status"] = "ACTIVE",
            ["tags"] = new JsonObject(),
        };
    }
}
