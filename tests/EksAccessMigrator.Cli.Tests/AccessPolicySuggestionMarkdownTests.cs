using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Rule S1 in the pull-request review: the suggestions have a section of their own, apart from the other info.</summary>
public sealed class AccessPolicySuggestionMarkdownTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-s1-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task S1_TheMarkdownReview_ShowsTheSuggestionsInTheirOwnSection_NotUnderInfo()
    {
        File.WriteAllText(Path.Combine(_dir, "aws-auth.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/viewers\n      username: viewer\n      groups: [readers]\n");
        File.WriteAllText(Path.Combine(_dir, "rbac.yaml"), "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: readers-view}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: readers}\n");

        var result = await CliRun.RunAsync(["plan", "--from", _dir, "--cluster", "shop", "--region", "eu-west-1", "--account", "111122223333", "--format", "markdown"]);

        Assert.Equal(0, result.ExitCode);
        var markdown = result.Out;
        var suggestions = markdown.IndexOf("<summary>Suggestions: access policies that could replace RBAC bindings (rule S1; nothing in the plan makes them) (1)</summary>", StringComparison.Ordinal);
        var info = markdown.IndexOf("<summary>Info (", StringComparison.Ordinal);
        Assert.True(suggestions >= 0, markdown);
        var row = markdown.IndexOf("| `access-policy-suggested` | `arn:aws:iam::111122223333:role/viewers` |", StringComparison.Ordinal);
        Assert.True(row > suggestions, "the suggestion is a row of its section");
        Assert.True(info < 0 || row < info, "the suggestion is not under Info");
        Assert.Contains("AmazonEKSViewPolicy", markdown, StringComparison.Ordinal);
    }
}
