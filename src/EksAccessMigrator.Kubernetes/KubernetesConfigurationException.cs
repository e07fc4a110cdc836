namespace EksAccessMigrator.Kubernetes;

/// <summary>The connection settings (kubeconfig, context, endpoint or CA data) could not be used.</summary>
public sealed class KubernetesConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="KubernetesConfigurationException"/> class.</summary>
    public KubernetesConfigurationException()
        : this("The Kubernetes connection settings are not usable.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesConfigurationException"/> class.</summary>
    public KubernetesConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesConfigurationException"/> class.</summary>
    public KubernetesConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
