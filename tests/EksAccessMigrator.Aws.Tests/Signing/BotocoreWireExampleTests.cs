using System.Text;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Signing;

/// <summary>
/// Requests serialized and signed by botocore (../shared/aws-models/botocore-wire-examples.txt): an extra check of
/// method, URL encoding and body beside the differential signing test, skipped with the reason printed when the
/// shared folder is absent.
/// </summary>
public sealed class BotocoreWireExampleTests
{
    private const string ExamplesFile = "aws-models/botocore-wire-examples.txt";

    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Time = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Lazy<IReadOnlyDictionary<string, WireExample>> Examples =
        new(() => WireExample.Load(SharedFolder.Path_(ExamplesFile)));

    private static readonly AwsClientSettings Eks = new() { Region = "us-west-2" };
    private static readonly AwsClientSettings Iam = new() { Region = "us-east-1" };
    private const string Role = "arn:aws:iam::111122223333:role/my-role";
    private const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    public static TheoryData<string> Names() => [.. Builders.Keys];

    private static readonly Dictionary<string, (AwsService Service, Func<AwsWireRequest> Build)> Builders = new(StringComparer.Ordinal)
    {
        ["eks.create_access_entry"] = (AwsService.Eks, () => EksRequests.CreateAccessEntry(
            new CreateAccessEntryRequest("my-cluster", "arn:aws:iam::111122223333:role/dev/apps/my-role") { KubernetesGroups = ["viewers"], Type = "STANDARD", ClientRequestToken = "tok-1" }, "unused")),
        ["eks.describe_access_entry"] = (AwsService.Eks, () => EksRequests.DescribeAccessEntry("my-cluster", "arn:aws:iam::111122223333:role/dev/apps/my-role")),
        ["eks.list_access_entries"] = (AwsService.Eks, () => EksRequests.ListAccessEntries("my-cluster", ViewPolicy, 10, null)),
        ["eks.associate_access_policy"] = (AwsService.Eks, () => EksRequests.AssociateAccessPolicy("my-cluster", Role, ViewPolicy, new EksAccessScope("namespace", ["ns1", "dev-*"]))),
        ["eks.disassociate_access_policy"] = (AwsService.Eks, () => EksRequests.DisassociateAccessPolicy("my-cluster", Role, ViewPolicy)),
        ["eks.delete_access_entry"] = (AwsService.Eks, () => EksRequests.DeleteAccessEntry("my-cluster", Role)),
        ["eks.update_cluster_config"] = (AwsService.Eks, () => EksRequests.UpdateClusterAuthenticationMode("my-cluster", "API_AND_CONFIG_MAP", "tok-2")),
        ["eks.create_pod_identity_association"] = (AwsService.Eks, () => EksRequests.CreatePodIdentityAssociation(
            new CreatePodIdentityAssociationRequest("my-cluster", "default", "sa1", "arn:aws:iam::111122223333:role/pi-role") { ClientRequestToken = "tok-3" }, "unused")),
        ["eks.list_pod_identity_associations"] = (AwsService.Eks, () => EksRequests.ListPodIdentityAssociations("my-cluster", "default", "sa1", null, null)),
        ["eks.describe_update"] = (AwsService.Eks, () => EksRequests.DescribeUpdate("my-cluster", "u-1")),
        ["iam.get_role"] = (AwsService.Iam, () => IamRequests.GetRole("my-role")),
        ["iam.list_roles"] = (AwsService.Iam, () => IamRequests.ListRoles("/dev/apps/", null, 100)),
        ["iam.update_assume_role_policy"] = (AwsService.Iam, () => IamRequests.UpdateAssumeRolePolicy("my-role",
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"pods.eks.amazonaws.com\"}, \"Action\": [\"sts:AssumeRole\", \"sts:TagSession\"]}]}")),
        ["iam.tag_role"] = (AwsService.Iam, () => IamRequests.TagRole("my-role", [new("migrated-by", "tool"), new("a b", "c/d")])),
        ["iam.list_open_id_connect_providers"] = (AwsService.Iam, IamRequests.ListOpenIdConnectProviders),
        ["iam.get_user"] = (AwsService.Iam, () => IamRequests.GetUser(null)),
    };

    [SharedFact(ExamplesFile)]
    public void Every_example_is_covered()
    {
        Assert.Equal(Examples.Value.Keys.Order(StringComparer.Ordinal), Builders.Keys.Order(StringComparer.Ordinal));
    }

    [SharedTheory(ExamplesFile)]
    [MemberData(nameof(Names))]
    public void Signed_request_matches_botocore(string name)
    {
        var expected = Examples.Value[name];
        var (service, build) = Builders[name];
        var endpoint = AwsEndpointResolver.Resolve(service == AwsService.Eks ? Eks : Iam, service);

        var signed = AwsRequestSigner.Sign(build(), endpoint, Credentials, Time);

        Assert.Equal(expected.Method, signed.Method);
        Assert.Equal(expected.Url, signed.Url.AbsoluteUri);
        Assert.Equal(expected.Body, Encoding.UTF8.GetString(signed.Body.Span));
        Assert.Equal(expected.CanonicalRequest, signed.Signature.CanonicalRequest);
        Assert.Equal(expected.Headers["Authorization"], signed.Signature.Authorization);
        Assert.Equal(expected.Headers["X-Amz-Date"], signed.Headers.Single(h => h.Name == "X-Amz-Date").Value);
        var contentType = signed.Headers.SingleOrDefault(h => h.Name == "Content-Type")?.Value;
        Assert.Equal(expected.Headers.GetValueOrDefault("Content-Type"), contentType);
        if (expected.Headers.TryGetValue("Content-Length", out var length))
        {
            Assert.Equal(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture), signed.Body.Length);
        }
    }
}
