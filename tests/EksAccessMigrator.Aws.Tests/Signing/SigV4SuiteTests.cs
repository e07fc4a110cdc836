using System.Text;
using Amazon.Runtime.Internal.Auth;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Signing;

/// <summary>
/// The AWS SigV4 test suite as botocore vendors it (../shared/aws-models/sigv4-testsuite): an extra check beside the
/// differential test, skipped with the reason printed when the shared folder is absent.
/// </summary>
public sealed class SigV4SuiteTests
{
    private const string Suite = "aws-models/sigv4-testsuite";

    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly SigV4Scope Scope = new("us-east-1", "service", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
    private const string SuiteSessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

    // The cases botocore's test_sigv4.py skips (duplicate query keys it cannot represent).
    private static readonly HashSet<string> BotocoreSkips = new(StringComparer.Ordinal)
    {
        "get-vanilla-query-order-key-case", "get-vanilla-query-order-key", "get-vanilla-query-order-value",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = SharedFolder.Path_(Suite);
        if (!Directory.Exists(root))
        {
            return data;
        }

        foreach (var req in System.IO.Directory.EnumerateFiles(root, "*.req", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(req);
            if (!BotocoreSkips.Contains(name))
            {
                data.Add(Path.GetRelativePath(root, Path.GetDirectoryName(req)!));
            }
        }

        return data;
    }

    [SharedFact(Suite)]
    public void Suite_is_found_and_complete()
    {
        Assert.True(Cases().Count >= 30, $"expected the full suite, found {Cases().Count} cases");
    }

    [SharedTheory(Suite)]
    [MemberData(nameof(Cases))]
    public void Signer_matches_suite(string relativeDirectory)
    {
        var directory = Path.Combine(SharedFolder.Path_(Suite), relativeDirectory);
        var testCase = new SigV4SuiteCase(Path.GetFileName(directory), directory);
        var request = Parse(testCase.File(".req"));
        var credentials = testCase.Name.Contains("session-token", StringComparison.Ordinal)
            ? Credentials with { SessionToken = SuiteSessionToken }
            : Credentials;

        var result = SigV4Signer.Sign(request, credentials, Scope);

        Assert.Equal(testCase.File(".creq"), result.CanonicalRequest);
        Assert.Equal(testCase.File(".sts"), result.StringToSign);
        Assert.Equal(testCase.File(".authz"), result.Authorization);
    }

    [SharedFact(Suite)]
    public void Signature_agrees_with_AWSSDK_Core_signer()
    {
        var directory = Path.Combine(SharedFolder.Path_(Suite), "post-x-www-form-urlencoded");
        var testCase = new SigV4SuiteCase("post-x-www-form-urlencoded", directory);
        var ours = SigV4Signer.Sign(Parse(testCase.File(".req")), Credentials, Scope);

        var sdk = AWS4Signer.ComputeSignature(
            Credentials.AccessKeyId, Credentials.SecretAccessKey, Scope.Region, Scope.Time.UtcDateTime, Scope.Service, ours.SignedHeaders, ours.CanonicalRequest);

        Assert.Equal(sdk.Signature, ours.Signature);
        Assert.Equal(sdk.ForAuthorizationHeader, ours.Authorization);
    }

    [Fact]
    public void Session_token_is_signed_as_header()
    {
        var request = new SigV4Request("GET", "/", string.Empty, [new("Host", "example.amazonaws.com"), new("X-Amz-Date", Scope.AmzDate)], ReadOnlyMemory<byte>.Empty);

        var result = SigV4Signer.Sign(request, Credentials with { SessionToken = "SECRET-SESSION-123" }, Scope);

        Assert.Contains("x-amz-security-token:SECRET-SESSION-123\n", result.CanonicalRequest, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", result.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-SESSION", result.ToString(), StringComparison.Ordinal);
    }

    internal static SigV4Request Parse(string raw)
    {
        var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? raw : raw[..headerEnd];
        var body = headerEnd < 0 ? string.Empty : raw[(headerEnd + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? target : target[..q];
        var query = q < 0 ? string.Empty : target[(q + 1)..];
        var headers = new List<SigV4Header>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = last with { Value = last.Value + " " + line.Trim() };
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new SigV4Header(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Request(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }
}
