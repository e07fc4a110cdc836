namespace EksAccessMigrator.Aws.Logging;

/// <summary>Optional debug sink for request/response records. Entries are already redacted.</summary>
public interface IAwsWireLog
{
    void Log(AwsWireLogEntry entry);
}
