namespace EksAccessMigrator.Core.Ports;

/// <summary>The result of waiting for a rollout, with the last status seen in words (as kubectl rollout status prints).</summary>
/// <param name="Outcome">How the wait ended.</param>
/// <param name="Message">The last progress message.</param>
public sealed record RolloutResult(RolloutOutcome Outcome, string Message);
