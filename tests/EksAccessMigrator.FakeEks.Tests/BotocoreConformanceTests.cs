using EksAccessMigrator.FakeEks.Tests.Support;
using EksAccessMigrator.TestSupport;
using Xunit.Abstractions;

namespace EksAccessMigrator.FakeEks.Tests;

/// <summary>Proof that the fake speaks the real protocol: botocore, driven by a Python script, parses every response.</summary>
public sealed class BotocoreConformanceTests(ITestOutputHelper output)
{
    private static readonly string[] AllOperations =
    [
        "CreateAccessEntry", "DescribeAccessEntry", "ListAccessEntries", "UpdateAccessEntry", "DeleteAccessEntry",
        "AssociateAccessPolicy", "DisassociateAccessPolicy", "ListAssociatedAccessPolicies", "ListAccessPolicies",
        "CreatePodIdentityAssociation", "DescribePodIdentityAssociation", "ListPodIdentityAssociations",
        "UpdatePodIdentityAssociation", "DeletePodIdentityAssociation", "DescribeCluster", "UpdateClusterConfig",
        "DescribeUpdate", "ListAddons", "DescribeAddon", "CreateAddon", "ListNodegroups", "DescribeNodegroup",
        "ListFargateProfiles", "DescribeFargateProfile",
    ];

    [Fact]
    public async Task Botocore_drives_every_operation_and_parses_every_response()
    {
        var probe = await Python.RunAsync(TimeSpan.FromSeconds(30), "-c", "import botocore; print(botocore.__version__)");

        Assert.True(probe.ExitCode == 0, "This test needs python3 with botocore installed (pip install botocore): " + probe.Output);
        var script = Path.Combine(AppContext.BaseDirectory, "conformance", "botocore_conformance.py");
        Assert.True(File.Exists(script), "Conformance script missing from the test output: " + script);

        await using var server = await FakeEksServer.StartAsync(new FakeEksOptions
        {
            AccessKeyId = SignedEksClient.AccessKey,
            SecretAccessKey = SignedEksClient.Secret,
            UpdatePollsUntilComplete = 2,
        });
        server.State.AddCluster("conformance", Seed.Account, "us-west-2")
            .AddNodegroup("conformance", "linux", Seed.NodeRole)
            .AddNodegroup("conformance", "windows", Seed.WindowsNodeRole, "WINDOWS_CORE_2022_x86_64")
            .AddFargateProfile("conformance", "fp", Seed.FargateRole, new FargateSelector("serverless", new Dictionary<string, string> { ["compute"] = "fargate" }))
            .AddAddon("conformance", "eks-pod-identity-agent")
            .SetClusterCreator("conformance", Seed.Creator);
        server.Faults.ThrottleNext(2, "ListAddons");
        server.Faults.FailNext(1, 500, "DescribeNodegroup");

        var (exitCode, scriptOutput) = await Python.RunAsync(
            TimeSpan.FromSeconds(90), script, server.Endpoint.ToString().TrimEnd('/'), SignedEksClient.Secret);
        output.WriteLine(scriptOutput);

        Assert.True(exitCode == 0, "botocore conformance script failed:\n" + scriptOutput);
        Assert.Contains("conformance OK", scriptOutput, StringComparison.Ordinal);
        var seen = server.Requests.Operations.ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], AllOperations.Except(seen, StringComparer.Ordinal));
        Assert.DoesNotContain("Unknown", seen);
        Assert.Equal("API", server.State.AuthenticationModeOf("conformance"));
    }
}
