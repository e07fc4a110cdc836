using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.FakeEks.Signing;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

/// <summary>Golden vectors: requests serialized and signed by botocore 1.43.11 (shared/aws-models/botocore-wire-examples.txt).</summary>
public sealed class SigningTests
{
    private const string Host = "eks.us-west-2.amazonaws.com";
    private const string Date = "20240102T030405Z";

    [Theory]
    [InlineData(
        "GET",
        "/clusters/my-cluster/access-entries/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdev%2Fapps%2Fmy-role",
        "",
        "",
        "665a813a869b311d9ef06ec8da78c73e7af8448dc7cdd1c24192f064e69d7b2e")]
    [InlineData(
        "GET",
        "/clusters/my-cluster/access-entries",
        "maxResults=10&associatedPolicyArn=arn%3Aaws%3Aeks%3A%3Aaws%3Acluster-access-policy%2FAmazonEKSViewPolicy",
        "",
        "ac0e01bcb4d5ed6d35070d26c9edd81ffd7dcc180398b1cd82eda590887dd3bf")]
    [InlineData(
        "POST",
        "/clusters/my-cluster/access-entries",
        "",
        "{\"principalArn\": \"arn:aws:iam::111122223333:role/dev/apps/my-role\", \"kubernetesGroups\": [\"viewers\"], \"type\": \"STANDARD\", \"clientRequestToken\": \"tok-1\"}",
        "9895329e334ab093ec843c6477280e6585d8a6bd213396663ab1d383bde04eee")]
    public void Signature_matches_botocore(string method, string path, string query, string body, string expected)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = Host,
            ["x-amz-date"] = Date,
            ["content-type"] = "application/json",
        };
        var signed = body.Length == 0 ? new[] { "host", "x-amz-date" } : ["content-type", "host", "x-amz-date"];
        var authorization = new SigV4Authorization("AKIDEXAMPLE", "20240102", "us-west-2", "eks", signed, expected);

        var canonical = SigV4Canonical.CanonicalRequest(
            method, path, query, name => headers.GetValueOrDefault(name), signed, SigV4Canonical.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));

        Assert.Equal(expected, SigV4Canonical.Signature(SignedEksClient.Secret, authorization, Date, canonical));
    }

    [Fact]
    public void Canonical_uri_encodes_path_segments_again()
    {
        var canonical = SigV4Canonical.CanonicalRequest("DELETE", "/a/arn%3Ab%2Fc", string.Empty, _ => "h", ["host"], "x");

        Assert.StartsWith("DELETE\n/a/arn%253Ab%252Fc\n\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorization_parser_never_prints_the_signature()
    {
        var parsed = SigV4Authorization.Parse(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-west-2/eks/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef");

        Assert.NotNull(parsed);
        Assert.Equal("eks", parsed.Service);
        Assert.DoesNotContain("deadbeef", parsed.ToString(), StringComparison.Ordinal);
        Assert.Null(SigV4Authorization.Parse("Bearer abc"));
    }

    [Fact]
    public async Task Unsigned_wrongly_scoped_and_badly_signed_requests_are_forbidden()
    {
        await using var server = await Seed.StartAsync(options: new FakeEksOptions
        {
            SecretAccessKey = SignedEksClient.Secret,
            AccessKeyId = SignedEksClient.AccessKey,
        });
        using var unsigned = new SignedEksClient(server.Endpoint) { Sign = false };
        using var sts = new SignedEksClient(server.Endpoint, service: "sts");
        using var wrongSecret = new SignedEksClient(server.Endpoint, secret: "not-the-secret");
        using var good = new SignedEksClient(server.Endpoint);

        var missing = await unsigned.GetAsync("/clusters/prod");
        var scoped = await sts.GetAsync("/clusters/prod");
        var mismatch = await wrongSecret.GetAsync("/clusters/prod");
        var ok = await good.GetAsync("/clusters/prod?ignored=a%20b");

        Assert.Equal((403, "MissingAuthenticationTokenException"), (missing.Status, missing.ErrorCode));
        Assert.Equal((403, "InvalidSignatureException"), (scoped.Status, scoped.ErrorCode));
        Assert.Equal((403, "InvalidSignatureException"), (mismatch.Status, mismatch.ErrorCode));
        Assert.Equal(200, ok.Status);
    }

    [Fact]
    public async Task Unknown_access_key_is_UnrecognizedClient()
    {
        await using var server = await Seed.StartAsync(options: new FakeEksOptions { AccessKeyId = "AKIAOTHER" });
        using var client = new SignedEksClient(server.Endpoint);

        var response = await client.GetAsync("/clusters/prod");

        Assert.Equal((403, "UnrecognizedClientException"), (response.Status, response.ErrorCode));
    }
}
