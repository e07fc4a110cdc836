using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Kubernetes.Tests;

/// <summary>Plain HTTP against the fake server, for wire-level checks of its semantics.</summary>
internal sealed class RawApi(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint };

    public async Task<(int Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(text)!, response);
    }

    public void Dispose() => _http.Dispose();
}
