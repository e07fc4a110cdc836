using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>A plan as read from its file, with the SHA-256 of the file's bytes (what the journal is keyed by).</summary>
public sealed class SavedPlan
{
    private SavedPlan(MigrationPlan plan, string hash, string origin)
    {
        Plan = plan;
        Hash = hash;
        Origin = origin;
    }

    public MigrationPlan Plan { get; }

    /// <summary>Lower-case hex SHA-256 of the plan file bytes.</summary>
    public string Hash { get; }

    public string Origin { get; }

    /// <summary>Reads and strictly parses a plan file (throws <see cref="PlanFormatException"/> when it is not valid).</summary>
    public static SavedPlan Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBytes(File.ReadAllBytes(path), path);
    }

    public static SavedPlan FromBytes(byte[] bytes, string origin)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var plan = PlanJson.Deserialize(Encoding.UTF8.GetString(bytes), origin);
        return new SavedPlan(plan, Convert.ToHexStringLower(SHA256.HashData(bytes)), origin);
    }
}
