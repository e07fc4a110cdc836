using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Tests.Signing.Differential;

/// <summary>
/// Generates varied requests from a fixed seed: EKS (REST-JSON) and IAM/STS (query protocol) shapes, paths with
/// reserved, percent-encoded and non-ASCII characters, dot segments and empty segments, unsorted query strings,
/// headers in any case with runs of whitespace, JSON, form and binary bodies, many regions and times, with and without
/// a session token.
/// </summary>
internal static class SigningCaseGenerator
{
    public const int Seed = 20261201;

    private static readonly string[] Services = ["eks", "iam", "sts"];
    private static readonly string[] Regions =
        ["us-east-1", "us-west-2", "eu-west-1", "eu-central-2", "ap-southeast-2", "il-central-1", "cn-north-1", "us-gov-west-1"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];
    private static readonly string[] Words =
        ["clusters", "access-entries", "prod", "my-cluster", "pod-identity-associations", "a.b", "x_y", "~tilde", "v1", "UPPER"];
    private static readonly string[] Fragments =
        [":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", " ", "%", "é", "日本", "~", "-", "_", ".", "\"", "<", "^", "|"];
    private static readonly string[] HeaderNames =
        ["X-Amz-Target", "Accept", "X-Custom-Meta", "If-Match", "X-Amz-Client-Context", "Content-Encoding", "X-Amz-Meta-Owner", "Cache-Control"];
    private static readonly string[] IgnoredHeaderNames = ["User-Agent", "X-Amzn-Trace-Id"];

    public static IReadOnlyList<SigningCase> Generate(int count)
    {
        var random = new Random(Seed);
        return [.. Enumerable.Range(0, count).Select(i => One(random, i))];
    }

    private static SigningCase One(Random random, int index)
    {
        var service = Pick(random, Services);
        var region = Pick(random, Regions);
        var time = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextInt64(0, 16L * 365 * 24 * 3600));
        var method = service == "eks" || random.Next(3) == 0 ? Pick(random, Methods) : random.Next(2) == 0 ? "POST" : "GET";
        var authority = Authority(random, service, region);
        var path = service == "eks" || random.Next(4) == 0 ? Path(random) : "/";
        var pairs = QueryPairs(random, service, method);
        var query = string.Join('&', pairs.Select(p => SigV4Encoding.UriEncode(p.Key) + "=" + SigV4Encoding.UriEncode(p.Value)));
        var (body, contentType) = Body(random, service, method);
        var scope = new SigV4Scope(region, service, time);
        var headers = new List<SigV4Header>();
        if (contentType is not null)
        {
            headers.Add(new SigV4Header(Casing(random, "Content-Type"), contentType));
        }

        headers.Add(new SigV4Header(Casing(random, "Host"), authority));
        headers.Add(new SigV4Header(Casing(random, "X-Amz-Date"), scope.AmzDate));
        foreach (var name in HeaderNames.Where(_ => random.Next(5) == 0))
        {
            headers.Add(new SigV4Header(Casing(random, name), HeaderValue(random)));
        }

        if (random.Next(6) == 0)
        {
            headers.Add(new SigV4Header(Pick(random, IgnoredHeaderNames), HeaderValue(random)));
        }

        if (random.Next(4) == 0)
        {
            headers.Add(new SigV4Header(Casing(random, "X-Amz-Content-SHA256"), Convert.ToHexStringLower(SHA256.HashData(body))));
        }

        var credentials = new AwsCredentialsSnapshot(
            "AKIA" + Token(random, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
            Token(random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
            random.Next(5) < 2 ? Token(random, random.Next(100, 400), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") : null);
        if (credentials.SessionToken is not null && random.Next(2) == 0)
        {
            headers.Add(new SigV4Header("X-Amz-Security-Token", credentials.SessionToken));
        }

        Shuffle(random, headers);
        var caseName = "case-" + index.ToString("D3", CultureInfo.InvariantCulture);
        return new SigningCase(caseName, method, service, region, authority, path, query, pairs, headers, body, credentials, time);
    }

    private static string Authority(Random random, string service, string region)
    {
        if (random.Next(10) == 0)
        {
            return "127.0.0.1:" + random.Next(1024, 65536).ToString(CultureInfo.InvariantCulture);
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return service == "iam" ? "iam." + suffix : $"{service}.{region}.{suffix}";
    }

    private static string Path(Random random)
    {
        var segments = new List<string>();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            segments.Add(random.Next(12) switch
            {
                0 => string.Empty,
                1 => ".",
                2 => "..",
                3 or 4 => SigV4Encoding.UriEncode(Pick(random, Words)),
                5 => SigV4Encoding.UriEncode("arn:aws:iam::" + random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture) + "111111:role/dev/" + Pick(random, Words)),
                _ => SigV4Encoding.UriEncode(Text(random)),
            });
        }

        var path = "/" + string.Join('/', segments);
        return random.Next(5) == 0 && path != "/" ? path + "/" : path;
    }

    private static List<KeyValuePair<string, string>> QueryPairs(Random random, string service, string method)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (service != "eks" && method == "GET")
        {
            pairs.Add(new("Action", random.Next(2) == 0 ? "ListRoles" : "GetCallerIdentity"));
            pairs.Add(new("Version", service == "iam" ? "2010-05-08" : "2011-06-15"));
        }

        var count = random.Next(0, 5);
        var keys = new HashSet<string>(pairs.Select(p => p.Key), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = random.Next(3) == 0 ? Text(random) : Pick(random, ["maxResults", "nextToken", "namespace", "serviceAccount", "associatedPolicyArn", "Marker", "a", "B", "_"]);
            if (key.Length == 0 || !keys.Add(key))
            {
                continue;
            }

            var value = random.Next(5) switch
            {
                0 => string.Empty,
                1 => random.Next(1, 101).ToString(CultureInfo.InvariantCulture),
                2 => "arn:aws:eks::aws:cluster-access-policy/AmazonEKS" + Pick(random, Words),
                _ => Text(random),
            };
            pairs.Add(new(key, value));
        }

        Shuffle(random, pairs);
        return pairs;
    }

    private static (byte[] Body, string? ContentType) Body(Random random, string service, string method)
    {
        if (method is "GET" or "HEAD" or "DELETE" && random.Next(8) != 0)
        {
            return ([], null);
        }

        return random.Next(6) switch
        {
            0 => ([], null),
            1 => (RandomBytes(random), "application/octet-stream"),
            _ when service == "eks" => (Encoding.UTF8.GetBytes($"{{\"principalArn\": \"arn:aws:iam::111122223333:role/{Text(random).Replace("\"", "'", StringComparison.Ordinal)}\", \"kubernetesGroups\": [\"viewers\"]}}"), "application/json"),
            _ => (Encoding.UTF8.GetBytes("Action=UpdateAssumeRolePolicy&Version=2010-05-08&PolicyDocument=" + SigV4Encoding.FormEncode(Text(random))), "application/x-www-form-urlencoded; charset=utf-8"),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string HeaderValue(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Token(random, random.Next(1, 9), "abcXYZ019-_./:=,;")).ToList();
        var separators = new[] { " ", "  ", "\t", " \t ", "   " };
        var value = string.Join(Pick(random, separators), words);
        return (random.Next(3) == 0 ? Pick(random, separators) : string.Empty) + value + (random.Next(3) == 0 ? Pick(random, separators) : string.Empty);
    }

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(3) == 0 ? Pick(random, Words) : Pick(random, Fragments)));

    private static string Casing(Random random, string name) => random.Next(3) switch
    {
        0 => name.ToLowerInvariant(),
        1 => name.ToUpperInvariant(),
        _ => name,
    };

    private static string Token(Random random, int length, string alphabet) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
