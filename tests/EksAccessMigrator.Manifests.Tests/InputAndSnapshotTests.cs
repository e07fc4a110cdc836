using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

public sealed class InputAndSnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-in-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void DirectoriesAreReadRecursively_YamlAndJsonOnly_InAStableOrder()
    {
        Write("b/z.yaml", "x");
        Write("a.yml", "x");
        Write("b/c/d.json", "x");
        Write("README.md", "x");
        Write(".hidden/e.yaml", "x");

        var files = InputFiles.Expand([_dir]);

        Assert.Equal(["a.yml", "b/c/d.json", "b/z.yaml"], files.Select(f => Path.GetRelativePath(_dir, f).Replace('\\', '/')));
    }

    [Fact]
    public void AwsAuthIsFoundWithItsDataLinesAndKinds()
    {
        var file = Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n  resourceVersion: \"7\"\ndata:\n  mapRoles: |\n    - rolearn: x\n  mapUsers:\n    - userarn: y\n  mapAccounts: \"\"\n");
        var collector = new AwsAuthCollector();

        ManifestScanner.Scan([file], [collector], CancellationToken.None);

        var awsAuth = Assert.IsType<Core.Inventory.AwsAuthConfigMap>(collector.AwsAuth);
        Assert.Equal("7", awsAuth.ResourceVersion);
        var roles = awsAuth.Data.Single(d => d.Key == "mapRoles");
        Assert.True(roles.IsString);
        Assert.Equal((8, 1), (roles.Location.Line, roles.ContentLineOffset));
        Assert.Equal("- rolearn: x\n", roles.Text);
        Assert.False(awsAuth.Data.Single(d => d.Key == "mapUsers").IsString);
    }

    [Fact]
    public void AwsAuthInAnotherNamespaceIsNotTheOne_ASecondOneIsAnError()
    {
        var other = Write("other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: default}\n");
        var first = Write("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\n");
        var second = Write("two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\n");
        var collector = new AwsAuthCollector();
        ManifestScanner.Scan([other], [collector], CancellationToken.None);
        Assert.Null(collector.AwsAuth);

        var error = Assert.Throws<ManifestException>(() => ManifestScanner.Scan([first, second], [new AwsAuthCollector()], CancellationToken.None));

        Assert.Contains("a second kube-system/aws-auth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IamSnapshotsFromListRolesAndListUsers()
    {
        var roles = Write("roles.json", "{\"Roles\": [{\"Arn\": \"arn:aws:iam::111122223333:role/teams/a\"}]}");
        var users = Write("users.json", "{\"Users\": [{\"Arn\": \"arn:aws:iam::444455556666:user/b\"}], \"IsTruncated\": false}");

        var snapshot = IamSnapshotReader.Read([roles, users]);

        Assert.True(snapshot.Covers("111122223333"));
        Assert.True(snapshot.Covers("444455556666"));
        Assert.Equal("/teams/", snapshot.FindRole("111122223333", "A")!.Path);
        Assert.NotNull(snapshot.FindUser("444455556666", "b"));
    }

    [Theory]
    [InlineData("[]", "no 'Roles', 'Users'")]
    [InlineData("{\"Roles\": {}}", "'Roles' is not a list")]
    [InlineData("{\"Roles\": [{\"RoleName\": \"x\"}]}", "Roles[0].Arn")]
    [InlineData("{\"Roles\": [", "not valid JSON")]
    public void BadIamSnapshotsAreClearErrors(string json, string expected)
    {
        var file = Write("bad.json", json);

        var error = Assert.Throws<ManifestException>(() => IamSnapshotReader.Read([file]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingAccessEntriesSnapshot()
    {
        var file = Write("entries.json", "{\"accessEntries\": [{\"principalArn\": \"arn:aws:iam::111122223333:role/a\", \"type\": \"STANDARD\", \"kubernetesGroups\": [\"g\"], \"associatedAccessPolicies\": [{\"policyArn\": \"arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\", \"accessScope\": {\"type\": \"namespace\", \"namespaces\": [\"n\"]}}]}]}");

        var entry = Assert.Single(AccessEntriesSnapshotReader.Read(file));

        Assert.Equal(["g"], entry.KubernetesGroups.AsEnumerable());
        Assert.Equal("namespace:n", Assert.Single(entry.Policies).AccessScope.Key);
    }

    [Theory]
    [InlineData("{}", "no 'accessEntries'")]
    [InlineData("{\"accessEntries\": [{\"type\": \"STANDARD\"}]}", "has no 'principalArn'")]
    [InlineData("{\"accessEntries\": [{\"principalArn\": \"a\", \"type\": \"STANDARD\", \"kubernetesGroups\": \"g\"}]}", "kubernetesGroups is not a list")]
    [InlineData("{\"accessEntries\": [{\"principalArn\": \"a\", \"type\": \"STANDARD\", \"associatedAccessPolicies\": [{\"policyArn\": \"p\", \"accessScope\": {\"type\": \"galaxy\"}}]}]}", "neither cluster nor namespace")]
    public void BadAccessEntriesSnapshotsAreClearErrors(string json, string expected)
    {
        var file = Write("entries.json", json);

        var error = Assert.Throws<ManifestException>(() => AccessEntriesSnapshotReader.Read(file));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
