using k8s;
using k8s.Exceptions;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// A connection to one cluster's API server, from a kubeconfig or from an endpoint, CA data and a bearer-token
/// provider. Create readers and writers from it; dispose it when done.
/// </summary>
public sealed class KubernetesConnection : IDisposable
{
    private readonly CachingTokenProvider? _tokens;

    private KubernetesConnection(KubernetesClientConfiguration config, KubernetesAdapterOptions options, CachingTokenProvider? tokens)
    {
        // The attempt timeout is the retry pipeline's (RetryExecutor), so that a timed-out attempt is retried like a dropped one.
        config.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        Client = options.RequestLog is { } log ? new k8s.Kubernetes(config, new RequestLogHandler(log, options.TimeProvider)) : new k8s.Kubernetes(config);
        Options = options;
        _tokens = tokens;
        Retry = new RetryExecutor(options, tokens);
        Endpoint = Client.BaseUri;
    }

    /// <summary>Gets the API server address.</summary>
    public Uri Endpoint { get; }

    internal k8s.Kubernetes Client { get; }

    internal KubernetesAdapterOptions Options { get; }

    internal RetryExecutor Retry { get; }

    /// <summary>
    /// Connects as a kubeconfig says (KubernetesClient's loader: tokens, client certificates, exec plugins such as
    /// <c>aws eks get-token</c>). <paramref name="path"/> null means the <c>$KUBECONFIG</c> files merged as kubectl
    /// merges them (the first file to set a value wins) or <c>~/.kube/config</c>;
    /// <paramref name="context"/> null means the current context.
    /// </summary>
    public static KubernetesConnection FromKubeconfig(string? path, string? context, KubernetesAdapterOptions? options = null)
    {
        options ??= new KubernetesAdapterOptions();
        options.Validate();
        KubernetesClientConfiguration config;
        try
        {
            var loaded = KubeconfigMerge.Merge([.. KubeconfigFiles(path).Select(f => KubernetesClientConfiguration.LoadKubeConfig(f, useRelativePaths: true))]);
            config = KubernetesClientConfiguration.BuildConfigFromConfigObject(loaded, context);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            throw new KubernetesConfigurationException($"Cannot use kubeconfig {path ?? "(default)"}{(context is null ? string.Empty : " context " + context)}: {Cause(e)}. Check that the kubeconfig's exec command (e.g. 'aws eks get-token') runs on its own.", e);
        }

        return new KubernetesConnection(config, options, null);
    }

    /// <summary>
    /// Connects to <paramref name="endpoint"/> (https, or http for tests) trusting the CA in
    /// <paramref name="certificateAuthorityData"/> (base64 PEM as EKS returns it; null uses the system trust store),
    /// authenticating with tokens from <paramref name="tokenProvider"/>, reused for
    /// <see cref="KubernetesAdapterOptions.TokenLifetime"/> and refreshed after that or after a 401.
    /// </summary>
    public static KubernetesConnection FromEndpoint(
        Uri endpoint,
        string? certificateAuthorityData,
        Func<CancellationToken, Task<string>> tokenProvider,
        KubernetesAdapterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        options ??= new KubernetesAdapterOptions();
        options.Validate();
        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            throw new KubernetesConfigurationException($"The API endpoint must be http or https, not {endpoint.Scheme}.");
        }

        var tokens = new CachingTokenProvider(tokenProvider, options.TokenLifetime, options.TimeProvider);
        var config = new KubernetesClientConfiguration
        {
            Host = endpoint.ToString(),
            TokenProvider = tokens,
        };
        if (!string.IsNullOrWhiteSpace(certificateAuthorityData))
        {
            config.SslCaCerts = CaCertificateParser.Parse(certificateAuthorityData);
        }

        return new KubernetesConnection(config, options, tokens);
    }

    /// <summary>Creates a reader over this connection.</summary>
    public KubernetesClusterReader CreateReader() => new(this);

    /// <summary>Creates a writer over this connection.</summary>
    public KubernetesClusterWriter CreateWriter() => new(this);

    /// <summary>Creates a Lease client over this connection.</summary>
    public KubernetesLeaseClient CreateLeaseClient() => new(this);

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _tokens?.Dispose();
    }

    /// <summary>The failure's own words: KubernetesClient puts an exec plugin's stack trace into the message, which is cut.</summary>
    private static string Cause(Exception e)
    {
        var text = e.InnerException is { } inner && e is KubeConfigException ? $"{e.Message} {inner.Message}" : e.Message;
        var cut = text.IndexOfAny(['\r', '\n']);
        text = (cut < 0 ? text : text[..cut]).TrimEnd('.', ' ');
        return text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
    }

    /// <summary>
    /// The files to read: the path given, else every existing <c>$KUBECONFIG</c> entry in order (kubectl skips
    /// missing ones and merges the rest), else <c>~/.kube/config</c>.
    /// </summary>
    private static FileInfo[] KubeconfigFiles(string? path)
    {
        if (!string.IsNullOrEmpty(path))
        {
            return [new FileInfo(path)];
        }

        var entries = (Environment.GetEnvironmentVariable("KUBECONFIG") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(p => new FileInfo(p))
            .ToList();
        var existing = entries.Where(f => f.Exists).ToArray();
        return existing.Length > 0 ? existing
            : entries.Count > 0 ? [entries[0]]
            : [new FileInfo(KubernetesClientConfiguration.KubeConfigDefaultLocation)];
    }
}
