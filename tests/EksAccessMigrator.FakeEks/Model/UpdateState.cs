namespace EksAccessMigrator.FakeEks.Model;

/// <summary>An asynchronous cluster update (only access-config updates are modelled).</summary>
internal sealed class UpdateState(string id, string targetMode, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string TargetMode { get; } = targetMode;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; set; } = "InProgress";

    public int Polls { get; set; }
}
