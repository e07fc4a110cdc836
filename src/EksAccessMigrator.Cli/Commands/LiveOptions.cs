using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>How to reach a live cluster (used when no --from is given).</summary>
public sealed class LiveOptions : ICommandParameterSet
{
    [Option("profile", Description = "AWS profile from the shared config and credentials files (default: the SDK's default chain).", ValueName = "NAME")]
    [HasDefaultValue]
    public string? Profile { get; set; }

    [Option("kubeconfig", Description = "Reach the Kubernetes API through this kubeconfig instead of straight through the EKS endpoint with an EKS token.", ValueName = "FILE")]
    [HasDefaultValue]
    public string? Kubeconfig { get; set; }

    [Option("context", Description = "The kubeconfig context (default: the current one).", ValueName = "NAME")]
    [HasDefaultValue]
    public string? Context { get; set; }

    [Option("api-server", Description = "Reach the Kubernetes API at this address (e.g. a tunnel to a private endpoint), still with an EKS token.", ValueName = "URL")]
    [HasDefaultValue]
    public string? ApiServer { get; set; }

    [Option("debug", Description = "Log every AWS request and response (credentials, tokens and signatures redacted) and every Kubernetes API request (method, URL, status; no headers or bodies) to standard error.")]
    [HasDefaultValue]
    public bool Debug { get; set; }
}
