namespace EksAccessMigrator.Kubernetes;

/// <summary>Reports every request the client sends (each attempt, reads and writes) to <see cref="KubernetesAdapterOptions.RequestLog"/>.</summary>
internal sealed class RequestLogHandler(Action<KubernetesRequestRecord> log, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var url = request.RequestUri?.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped) ?? string.Empty;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            log(new KubernetesRequestRecord(request.Method.Method, url, (int)response.StatusCode, time.GetElapsedTime(started), null));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            log(new KubernetesRequestRecord(request.Method.Method, url, null, time.GetElapsedTime(started), e.GetType().Name));
            throw;
        }
    }
}
