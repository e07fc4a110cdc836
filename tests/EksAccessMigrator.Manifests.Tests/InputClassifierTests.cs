namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// Telling AWS CLI output from Kubernetes objects by a JSON file's first key; YAML (and anything that is not a JSON
/// object) is told apart by its first character, without the JSON reader's exception (issue 11).
/// </summary>
public sealed class InputClassifierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-classify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("apiVersion: v1\nkind: List\nitems: []\n", InputKind.Manifests)]
    [InlineData("{apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n", InputKind.Manifests)]
    [InlineData("[{\"Roles\": []}]", InputKind.Manifests)]
    [InlineData("\"Roles\"", InputKind.Manifests)]
    [InlineData("", InputKind.Manifests)]
    [InlineData("   \n\t", InputKind.Manifests)]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}", InputKind.Manifests)]
    [InlineData("\n  {\"Roles\": []}", InputKind.IamSnapshot)]
    [InlineData("\uFEFF{\"RoleDetailList\": []}", InputKind.IamSnapshot)]
    [InlineData("// exported by hand\n{\"Users\": []}", InputKind.IamSnapshot)]
    [InlineData("{\"accessEntries\": []}", InputKind.AccessEntries)]
    public void AFileIsToldApartByItsFirstJsonKey(string content, InputKind expected)
    {
        var path = Path.Combine(_dir, "input");
        File.WriteAllText(path, content);

        Assert.Equal(expected, InputClassifier.Classify(path));
    }
}
