using EksAccessMigrator.Aws.Signing;
using Xunit.Abstractions;

namespace EksAccessMigrator.Aws.Tests.Signing.Differential;

/// <summary>
/// Differential check of <see cref="SigV4Signer"/>: every generated request (fixed seed) must get exactly the
/// signature botocore gives it and exactly the one AWSSDK.Core's AWS4Signer gives it.
/// </summary>
public sealed class SignerDifferentialTests(BotocoreSignatures botocore, ITestOutputHelper output) : IClassFixture<BotocoreSignatures>
{
    [Fact]
    public void The_generated_requests_cover_what_the_signer_must_handle()
    {
        var cases = botocore.Cases;

        Assert.Equal(BotocoreSignatures.Count, cases.Count);
        Assert.Equal(["eks", "iam", "sts"], cases.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal));
        Assert.True(cases.Count(c => c.Credentials.SessionToken is not null) >= 120, "too few cases with a session token");
        Assert.True(cases.Count(c => c.Credentials.SessionToken is null) >= 120, "too few cases without a session token");
        Assert.True(cases.Select(c => c.Region).Distinct().Count() >= 6, "too few regions");
        Assert.True(cases.Count(c => c.Path.Contains("%25", StringComparison.Ordinal)) >= 10, "too few paths with an encoded '%'");
        Assert.True(cases.Count(c => c.Path.Contains("%3A", StringComparison.Ordinal)) >= 20, "too few paths with an encoded ':'");
        Assert.True(cases.Count(c => c.Path.Contains("%E6%97%A5", StringComparison.Ordinal)) >= 5, "too few paths with non-ASCII characters");
        Assert.True(cases.Count(c => c.Path.Split('/').Contains("..")) >= 10, "too few paths with dot segments");
        Assert.True(cases.Count(c => c.QueryPairs.Count >= 2) >= 50, "too few queries with several parameters");
        Assert.True(cases.Count(c => c.QueryPairs.Any(p => p.Value.Length == 0)) >= 10, "too few empty query values");
        Assert.True(cases.Count(c => c.Headers.Any(h => h.Value.Contains("  ", StringComparison.Ordinal) || h.Value.Contains('\t', StringComparison.Ordinal))) >= 30, "too few header values with runs of whitespace");
        Assert.True(cases.Count(c => c.Body.Length > 0) >= 60, "too few bodies");
        Assert.True(cases.Select(c => c.Method).Distinct().Count() >= 5, "too few methods");
    }

    [Fact]
    public void Our_signature_equals_botocores_for_every_generated_request()
    {
        var mismatches = new List<string>();
        foreach (var signingCase in botocore.Cases)
        {
            var ours = SigV4Signer.Sign(signingCase.Request, signingCase.Credentials, signingCase.Scope);
            var (canonical, authorization) = botocore.For(signingCase);
            if (ours.Authorization != authorization)
            {
                mismatches.Add($"{signingCase}\n  ours:     {ours.Authorization}\n  botocore: {authorization}\n  our canonical request:\n{ours.CanonicalRequest}\n  botocore's:\n{canonical}");
            }
        }

        output.WriteLine($"{botocore.Cases.Count} requests compared with botocore {botocore.BotocoreVersion}.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {botocore.Cases.Count} signatures differ from botocore {botocore.BotocoreVersion}:\n" + string.Join("\n\n", mismatches.Take(5)));
    }

    [Fact]
    public void Our_signature_equals_AWSSDK_Cores_AWS4Signer_for_every_generated_request()
    {
        var mismatches = new List<string>();
        var compared = botocore.Cases.Where(SdkSigning.FollowsSpecification).ToList();
        Assert.True(compared.Count >= 150, $"only {compared.Count} generated requests are in the domain where AWS4Signer follows SigV4");
        foreach (var signingCase in compared)
        {
            var (authorization, sdkHeaders) = SdkSigning.Sign(signingCase);
            var request = SdkSigning.WithContentSha256(signingCase, sdkHeaders[SdkSigning.ContentSha256]);
            var ours = SigV4Signer.Sign(request, signingCase.Credentials, signingCase.Scope);
            if (ours.Authorization != authorization)
            {
                mismatches.Add($"{signingCase}\n  ours:       {ours.Authorization}\n  AWS4Signer: {authorization}\n  our canonical request:\n{ours.CanonicalRequest}");
            }
        }

        output.WriteLine($"{compared.Count} of {botocore.Cases.Count} requests compared with AWS4Signer.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {compared.Count} signatures differ from AWS4Signer:\n" + string.Join("\n\n", mismatches.Take(5)));
    }
}
