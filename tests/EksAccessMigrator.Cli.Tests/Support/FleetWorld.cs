using System.Globalization;
using System.Text;
using System.Xml.Linq;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>
/// A simulated fleet: one fake EKS holding every cluster (fleet-00, fleet-01, ...), one fake Kubernetes API server
/// per cluster (each with its own small aws-auth), one kubeconfig with a context per cluster, and moto for IAM and
/// STS. The first half of the clusters is in moto's default account, reached with the environment's credentials;
/// the second half is in <see cref="SecondAccount"/>, reached by assuming <see cref="SecondAccountRole"/> (the
/// inventory's roleArn). The AWS SDKs' environment points at the fakes and is restored afterwards.
/// </summary>
internal sealed class FleetWorld : IAsyncDisposable
{
    public const string SecondAccount = "222233334444";
    public const string SecondAccountRole = "arn:aws:iam::222233334444:role/fleet-migrator";
    public const string SecretKey = "fleetSecretKeyThatMustNeverBePrinted0000";

    private const string Trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_IAM",
        "AWS_ENDPOINT_URL_STS", "AWS_EC2_METADATA_DISABLED", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "KUBECONFIG",
    ];

    private readonly Dictionary<string, string?> _saved = [];

    private FleetWorld(FakeEksServer eks, IReadOnlyList<FakeKubernetesServer> kubernetes)
    {
        Eks = eks;
        Kubernetes = kubernetes;
    }

    public FakeEksServer Eks { get; }

    /// <summary>The API servers, by cluster index.</summary>
    public IReadOnlyList<FakeKubernetesServer> Kubernetes { get; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("eam-fleet-").FullName;

    public string Inventory => Path.Combine(Directory, "fleet.yaml");

    public string Out => Path.Combine(Directory, "run");

    public int Count => Kubernetes.Count;

    public static string Name(int index) => $"fleet-{index.ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>The account of cluster <paramref name="index"/>: the first half in moto's default account, the rest in the second.</summary>
    public string AccountOf(int index) => index < Count / 2 ? MotoServer.Account : SecondAccount;

    public static async Task<FleetWorld> StartAsync(MotoServer moto, int count)
    {
        var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        var servers = new List<FakeKubernetesServer>();
        for (var i = 0; i < count; i++)
        {
            servers.Add(await FakeKubernetesServer.StartAsync());
        }

        var world = new FleetWorld(eks, servers);
        foreach (var name in Variables)
        {
            world._saved[name] = Environment.GetEnvironmentVariable(name);
        }

        var empty = Path.Combine(world.Directory, "empty");
        await File.WriteAllTextAsync(empty, string.Empty);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFLEETTEST0000001");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("KUBECONFIG", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EKS", eks.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_IAM", moto.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", empty);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", empty);

        await SeedAccountAsync(moto, "AKIDTESTSUPPORT");
        var secondAccountKey = await AssumeAsync(moto, SecondAccountRole);
        await SeedAccountAsync(moto, secondAccountKey);
        await MotoIamAsync(moto, secondAccountKey, "CreateRole", ("RoleName", "fleet-migrator"), ("AssumeRolePolicyDocument", Trust));

        for (var i = 0; i < count; i++)
        {
            var account = world.AccountOf(i);
            eks.State.AddCluster(Name(i), account, "eu-west-1");
            servers[i].State.Add("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}}""");
            servers[i].State.Add(AwsAuth(account));
        }

        await File.WriteAllTextAsync(world.Kubeconfig, KubeconfigText(servers));
        await File.WriteAllTextAsync(world.Inventory, world.InventoryText());
        return world;
    }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    /// <summary>aws-auth of a cluster in <paramref name="account"/>: a node role and a user.</summary>
    public static string AwsAuth(string account) => $$$"""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "aws-auth", "namespace": "kube-system"},
         "data": {
           "mapRoles": "- rolearn: arn:aws:iam::{{{account}}}:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n",
           "mapUsers": "- userarn: arn:aws:iam::{{{account}}}:user/alice\n  username: alice\n  groups: [dev]\n"}}
        """;

    /// <summary>The inventory: every cluster with its kubeconfig context and tags (wave 1 or 2, its account); the second account's with roleArn.</summary>
    public string InventoryText()
    {
        var text = new StringBuilder("clusters:\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - name: {Name(i)}\n    region: eu-west-1\n    kubeconfig: {Kubeconfig}\n    context: {Name(i)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    tags: {{wave: \"{(i % 2) + 1}\", account: \"{AccountOf(i)}\"}}\n");
            if (AccountOf(i) == SecondAccount)
            {
                text.Append(CultureInfo.InvariantCulture, $"    roleArn: {SecondAccountRole}\n");
            }
        }

        return text.ToString();
    }

    private static string KubeconfigText(List<FakeKubernetesServer> servers)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: fleet-test-token\nclusters:\n");
        for (var i = 0; i < servers.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- name: {Name(i)}\n  cluster:\n    server: {servers[i].Endpoint}\n");
        }

        text.Append("contexts:\n");
        for (var i = 0; i < servers.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- name: {Name(i)}\n  context:\n    cluster: {Name(i)}\n    user: u\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"current-context: {Name(0)}\n").ToString();
    }

    private static async Task SeedAccountAsync(MotoServer moto, string accessKey)
    {
        await MotoIamAsync(moto, accessKey, "CreateRole", ("RoleName", "nodes"), ("AssumeRolePolicyDocument", Trust));
        await MotoIamAsync(moto, accessKey, "CreateUser", ("UserName", "alice"));
    }

    /// <summary>sts:AssumeRole with the default account's credentials; the access key moto issued acts in the role's account.</summary>
    private static async Task<string> AssumeAsync(MotoServer moto, string roleArn)
    {
        var body = await MotoCallAsync(moto, "AKIDTESTSUPPORT", "sts", [("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleArn), ("RoleSessionName", "seed")]);
        return XDocument.Parse(body).Descendants().First(e => e.Name.LocalName == "AccessKeyId").Value;
    }

    private static Task<string> MotoIamAsync(MotoServer moto, string accessKey, string action, params (string Name, string Value)[] parameters) =>
        MotoCallAsync(moto, accessKey, "iam", [("Action", action), ("Version", "2010-05-08"), .. parameters]);

    /// <summary>A Query call to moto as <paramref name="accessKey"/> (moto reads the account from the key and checks no signature).</summary>
    private static async Task<string> MotoCallAsync(MotoServer moto, string accessKey, string service, (string Name, string Value)[] form)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint)
        {
            Content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKey}/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"moto {form[0].Value}: {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        foreach (var server in Kubernetes)
        {
            await server.DisposeAsync();
        }

        await Eks.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
