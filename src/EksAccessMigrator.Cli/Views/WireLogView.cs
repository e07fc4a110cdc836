using System.Globalization;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// <c>--debug</c>: one line per AWS request attempt and its headers on standard error (entries arrive redacted), and
/// one line per Kubernetes API request (method, URL, status: its headers and bodies are never recorded).
/// </summary>
public sealed class WireLogView(TextWriter stderr) : IAwsWireLog
{
    private readonly Lock _gate = new();

    public void Log(AwsWireLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var status = entry.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response";
        lock (_gate)
        {
            stderr.WriteLine($"debug: {Text.Safe(entry.Operation)} attempt {entry.Attempt}: {entry.Method} {Text.Safe(entry.Url)} -> {status} in {entry.Duration.TotalMilliseconds:F0} ms{(entry.Error is null ? string.Empty : " (" + Text.Safe(entry.Error) + ")")}{(entry.RetryDelay is { } d ? $", retry in {d.TotalSeconds:F1} s" : string.Empty)}{(entry.ClientRateLimit is { } r ? $", client rate limit {r:F1}/s" : string.Empty)}");
            foreach (var (name, value) in entry.RequestHeaders)
            {
                stderr.WriteLine($"debug:   > {Text.Safe(name)}: {Text.Safe(value)}");
            }

            foreach (var (name, value) in entry.ResponseHeaders)
            {
                stderr.WriteLine($"debug:   < {Text.Safe(name)}: {Text.Safe(value)}");
            }
        }
    }

    public void Log(Kubernetes.KubernetesRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response";
        lock (_gate)
        {
            stderr.WriteLine($"debug: Kubernetes {request.Method} {Text.Safe(request.Url)} -> {status} in {request.Duration.TotalMilliseconds:F0} ms{(request.Error is null ? string.Empty : " (" + Text.Safe(request.Error) + ")")}");
        }
    }
}
