using System.Text;
using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Bad input always gets one clear line naming the file and line, exit code 1, and nothing written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<CliRun.Result> PlanAsync(string input, params string[] more)
    {
        var outFile = Path.Combine(_dir, "plan.json");
        var result = await CliRun.RunAsync(["plan", "--from", input, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--out", outFile, .. more]);
        Assert.False(File.Exists(outFile), "a plan file was written despite the error");
        return result;
    }

    [Fact]
    public async Task YamlSyntaxErrorNamesFileAndLine()
    {
        var file = Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: [kube-system\n");

        CliAssert.OneLineError(await PlanAsync(file), "broken.yaml:");
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/a\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/b\n", "aws-auth.yaml:9: the key 'mapUsers' appears twice in one mapping (first at line 7)")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\n", "aws-auth.yaml:3: the key 'kind' appears twice")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"aws-auth\", \"namespace\": \"kube-system\"},\n \"data\": {\"mapRoles\": \"\", \"mapRoles\": \"\"}}]}\n", "aws-auth.yaml:3: the key 'mapRoles' appears twice")]
    public async Task P8_AKeyGivenTwiceIsRefusedWithFileAndLine_NeverMerged(string content, string expected)
    {
        var file = Write("aws-auth.yaml", content);

        CliAssert.OneLineError(await PlanAsync(file), expected);
    }

    [Fact]
    public async Task ListWithGarbageItem()
    {
        var file = Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- 42\n");

        CliAssert.OneLineError(await PlanAsync(file), "list.yaml:7: this List item is a scalar");
    }

    [Fact]
    public async Task ListItemWithoutKind()
    {
        var file = Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  metadata: {name: a}\n");

        CliAssert.OneLineError(await PlanAsync(file), "has no 'kind'");
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n- mapRoles\n", "data is a list")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: [a, b]\n", "metadata is a list")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {a: b}\n", "metadata.name is a mapping")]
    public async Task WrongTypedField(string yaml, string expected)
    {
        CliAssert.OneLineError(await PlanAsync(Write("typed.yaml", yaml)), expected);
    }

    [Fact]
    public async Task NotAManifest()
    {
        CliAssert.OneLineError(await PlanAsync(Write("values.yaml", "replicaCount: 2\nimage: nginx\n")), "values.yaml:1: this document has no 'apiVersion'");
    }

    [Fact]
    public async Task BinaryFile()
    {
        var file = Path.Combine(_dir, "binary.yaml");
        await File.WriteAllBytesAsync(file, [0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]);

        var result = await PlanAsync(file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("binary.yaml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingInput()
    {
        CliAssert.OneLineError(await PlanAsync(Path.Combine(_dir, "nope.yaml")), "nope.yaml: no such file or directory");
    }

    [Fact]
    public async Task FiftyMegabyteFileWithAnErrorAtTheEnd()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("apiVersion: v1\nkind: List\nitems:\n");
            var item = "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: pod-{0}\n    namespace: default\n    annotations:\n      note: \"" + new string('x', 300) + "\"\n";
            var i = 0;
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                await writer.WriteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, item, i++));
                if (i % 1000 == 0)
                {
                    await writer.FlushAsync();
                }
            }

            await writer.WriteAsync("- apiVersion: v1\n  kind: Pod\n  metadata: {name: [unterminated\n");
        }

        var result = await PlanAsync(path);

        CliAssert.OneLineError(result, "huge.yaml:");
        Assert.Matches(@"huge\.yaml:\d{6,}:", result.Error);
    }

    [Theory]
    [InlineData("--account", "12345", "--account '12345' is not a 12-digit")]
    [InlineData("--region", "mars", "--region 'mars' is not an AWS region")]
    [InlineData("--authentication-mode", "OPEN", "--authentication-mode 'OPEN' is not known")]
    [InlineData("--phase", "deploy", "--phase 'deploy' is not known")]
    [InlineData("--target-mode", "API", "belongs to the finalize phase")]
    [InlineData("--format", "xml", "--format 'xml' is not known")]
    public async Task BadOptions(string option, string value, string expected)
    {
        var file = Write("ok.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

        CliAssert.OneLineError(await PlanAsync(file, option, value), expected);
    }

    [Fact]
    public async Task IamSnapshotWithABadArn()
    {
        var file = Write("ok.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        var iam = Write("iam.json", "{\"Roles\": [{\"Arn\": \"arn:aws:iam::1:role/x\"}]}");

        CliAssert.OneLineError(await PlanAsync(file, "--iam-snapshot", iam), "iam.json: Roles[0].Arn");
    }

    [Fact]
    public async Task ExistingPlanFileIsNotClobberedOnError()
    {
        var outFile = Write("plan.json", "previous plan");

        var result = await CliRun.RunAsync("plan", "--from", Write("bad.yaml", "a: [\n"), "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--out", outFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("previous plan", await File.ReadAllTextAsync(outFile));
        File.Delete(outFile);
    }

    [Fact]
    public async Task ShowRejectsAPlanOfAnotherFormatVersion()
    {
        var plan = Write("future.json", "{\"formatVersion\": 9}");

        var result = await CliRun.RunAsync("show", plan);

        CliAssert.OneLineError(result, "plan format version 9 is not supported");
    }

    [Fact]
    public async Task UnknownOptionIsExitCodeOne()
    {
        var result = await CliRun.RunAsync("plan", "--no-such-option");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task HostileNamesCannotInjectTerminalEscapes()
    {
        var file = Write("aws-auth.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n" +
            "    - rolearn: arn:aws:iam::111122223333:role/a\n      username: \"evil\\e[2J\\rname\"\n      groups: [\"g|`<b>\"]\n");

        var table = await CliRun.RunAsync("plan", "--from", file, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333");
        var markdown = await CliRun.RunAsync("plan", "--from", file, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--format", "markdown");

        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain('\u001b', table.Out);
        Assert.DoesNotContain('\r', table.Out);
        Assert.Contains("evil\\u001B[2J\\u000Dname", table.Out, StringComparison.Ordinal);
        Assert.Contains("``g\\|`<b>``", markdown.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^`]<b>", markdown.Out);
        Assert.DoesNotContain('\u001b', markdown.Out);
    }
}
