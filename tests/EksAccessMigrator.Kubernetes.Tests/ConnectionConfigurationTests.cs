using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class ConnectionConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eam-kubeconfig-").FullName;

    [Fact]
    public async Task A_kubeconfig_context_pointing_at_the_server_is_used_with_its_token()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "kubeconfig-token" });
        server.State.Add("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""");
        var path = WriteKubeconfig(server.Endpoint, "kubeconfig-token");

        using var connection = KubernetesConnection.FromKubeconfig(path, "fake", TestCluster.FastOptions);
        var names = new List<string>();
        await foreach (var ns in connection.CreateReader().ListNamespacesAsync(CancellationToken.None))
        {
            names.Add(ns.Metadata.Name);
        }

        Assert.Equal(["team-a"], names);
        Assert.Equal(server.Endpoint.Port, connection.Endpoint.Port);
    }

    [Fact]
    public async Task A_kubeconfig_exec_plugin_like_aws_eks_get_token_supplies_the_token()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "exec-token" });
        var script = Path.Combine(_directory, "get-token.sh");
        File.WriteAllText(script, """
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"exec-token"}}'
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var path = Path.Combine(_directory, "exec-config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: {server.Endpoint.ToString().TrimEnd('/')}
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: {script}
                  interactiveMode: Never
            contexts:
            - name: eks
              context:
                cluster: c
                user: u
            current-context: eks
            """);

        using var connection = KubernetesConnection.FromKubeconfig(path, null, TestCluster.FastOptions);

        Assert.Null(await connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));
        Assert.Equal(404, Assert.Single(server.Requests.Entries).StatusCode);
    }

    [Fact]
    public void An_unknown_kubeconfig_context_is_a_configuration_error()
    {
        var path = WriteKubeconfig(new Uri("http://127.0.0.1:9/"), "x");

        var error = Assert.Throws<KubernetesConfigurationException>(() => KubernetesConnection.FromKubeconfig(path, "missing", TestCluster.FastOptions));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_kubeconfig_file_is_a_configuration_error()
    {
        Assert.Throws<KubernetesConfigurationException>(() =>
            KubernetesConnection.FromKubeconfig(Path.Combine(_directory, "absent"), null, TestCluster.FastOptions));
    }

    [Fact]
    public void Certificate_authority_data_in_eks_form_is_parsed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var data = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));

        var parsed = CaCertificateParser.Parse(data);
        using var connection = KubernetesConnection.FromEndpoint(new Uri("https://127.0.0.1:9/"), data, _ => Task.FromResult("t"), TestCluster.FastOptions);

        Assert.Equal(certificate.Thumbprint, Assert.Single(parsed).Thumbprint);
        Assert.Equal("https", connection.Endpoint.Scheme);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    public void Unusable_certificate_authority_data_is_a_configuration_error(string data)
    {
        Assert.Throws<KubernetesConfigurationException>(() =>
            KubernetesConnection.FromEndpoint(new Uri("https://127.0.0.1:9/"), data, _ => Task.FromResult("t"), TestCluster.FastOptions));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteKubeconfig(Uri server, string token)
    {
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake-cluster
              cluster:
                server: {server.ToString().TrimEnd('/')}
            users:
            - name: fake-user
              user:
                token: {token}
            contexts:
            - name: other
              context:
                cluster: fake-cluster
                user: nobody
            - name: fake
              context:
                cluster: fake-cluster
                user: fake-user
            current-context: other
            """);
        return path;
    }
}
