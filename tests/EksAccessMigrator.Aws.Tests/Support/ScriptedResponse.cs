namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>What the scripted server answers to one request.</summary>
internal sealed record ScriptedResponse(int Status, string Body = "{}", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);
