using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Signing;

namespace EksAccessMigrator.FakeEks.Tests.Support;

/// <summary>A minimal SigV4-signing HTTP client for the fake (test helper).</summary>
internal sealed class SignedEksClient : IDisposable
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private readonly HttpClient http;
    private readonly string secret;
    private readonly string service;

    public SignedEksClient(Uri endpoint, string secret = Secret, string service = "eks", TimeSpan? timeout = null)
    {
        http = new HttpClient { BaseAddress = endpoint, Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        this.secret = secret;
        this.service = service;
    }

    public bool Sign { get; init; } = true;

    public static string Arn(string arn) => Uri.EscapeDataString(arn);

    public Task<EksResponse> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery, null);

    public Task<EksResponse> PostAsync(string path, JsonObject body) => SendAsync(HttpMethod.Post, path, body);

    public Task<EksResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<EksResponse> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body)
    {
        var payload = body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (Sign)
        {
            SignRequest(request, payload);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? [] : (JsonNode.Parse(text) as JsonObject ?? []);
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : null;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null;
        return new EksResponse((int)response.StatusCode, errorType, json, requestId);
    }

    public void Dispose() => http.Dispose();

    private void SignRequest(HttpRequestMessage request, byte[] payload)
    {
        var uri = new Uri(http.BaseAddress!, request.RequestUri!);
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Host = host;
        request.Headers.Add("X-Amz-Date", amzDate);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = host, ["x-amz-date"] = amzDate };
        var authorization = new SigV4Authorization(AccessKey, amzDate[..8], "us-west-2", service, ["host", "x-amz-date"], string.Empty);
        var canonical = SigV4Canonical.CanonicalRequest(
            request.Method.Method,
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            name => headers.GetValueOrDefault(name),
            authorization.SignedHeaders,
            SigV4Canonical.Hex(SHA256.HashData(payload)));
        var signature = SigV4Canonical.Signature(secret, authorization, amzDate, canonical);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={AccessKey}/{authorization.Scope}, SignedHeaders=host;x-amz-date, Signature={signature}");
    }
}
