using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Signing.Differential;

/// <summary>
/// The generated requests, signed once by botocore: one python3 process for the whole batch (the cases go in one
/// JSON file), run when the test class starts.
/// </summary>
public sealed class BotocoreSignatures : IAsyncLifetime
{
    public const int Count = 600;

    private readonly Dictionary<string, (string CanonicalRequest, string Authorization)> _signed = new(StringComparer.Ordinal);

    internal IReadOnlyList<SigningCase> Cases { get; } = SigningCaseGenerator.Generate(Count);

    public string BotocoreVersion { get; private set; } = string.Empty;

    internal (string CanonicalRequest, string Authorization) For(SigningCase signingCase) => _signed[signingCase.Name];

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("eam-sigv4-");
        try
        {
            var input = Path.Combine(folder.FullName, "cases.json");
            var output = Path.Combine(folder.FullName, "signed.json");
            await File.WriteAllTextAsync(input, new JsonArray([.. Cases.Select(ToJson)]).ToJsonString());
            var script = Path.Combine(AppContext.BaseDirectory, "Signing", "Differential", "botocore_sign.py");
            var (exitCode, text) = await Python.RunAsync(TimeSpan.FromSeconds(120), script, input, output);
            Assert.True(exitCode == 0, "botocore could not sign the generated requests (python3 with botocore is a prerequisite, see README):\n" + text);

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            BotocoreVersion = document.RootElement.GetProperty("botocore").GetString()!;
            foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
            {
                _signed[result.GetProperty("name").GetString()!] =
                    (result.GetProperty("canonical_request").GetString()!, result.GetProperty("authorization").GetString()!);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject ToJson(SigningCase signingCase) => new()
    {
        ["name"] = signingCase.Name,
        ["method"] = signingCase.Method,
        ["url"] = signingCase.Url,
        ["headers"] = new JsonArray([.. signingCase.Headers.Select(h => new JsonArray(h.Name, h.Value))]),
        ["body"] = Convert.ToBase64String(signingCase.Body),
        ["region"] = signingCase.Region,
        ["service"] = signingCase.Service,
        ["access_key"] = signingCase.Credentials.AccessKeyId,
        ["secret_key"] = signingCase.Credentials.SecretAccessKey,
        ["session_token"] = signingCase.Credentials.SessionToken,
        ["time"] = signingCase.Scope.AmzDate,
    };
}
