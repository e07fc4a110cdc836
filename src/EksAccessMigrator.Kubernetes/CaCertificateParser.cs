using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Reads cluster CA data as EKS and kubeconfig give it: base64 of PEM text.</summary>
internal static class CaCertificateParser
{
    public static X509Certificate2Collection Parse(string base64Pem)
    {
        string pem;
        try
        {
            pem = Encoding.ASCII.GetString(Convert.FromBase64String(base64Pem.Trim()));
        }
        catch (FormatException e)
        {
            throw new KubernetesConfigurationException("The certificate authority data is not valid base64.", e);
        }

        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new KubernetesConfigurationException("The certificate authority data is not a PEM certificate.", e);
        }

        if (collection.Count == 0)
        {
            throw new KubernetesConfigurationException("The certificate authority data holds no certificate.");
        }

        return collection;
    }
}
