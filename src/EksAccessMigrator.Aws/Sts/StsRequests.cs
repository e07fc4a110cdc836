using System.Globalization;
using System.Text;
using EksAccessMigrator.Aws.Http;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>Serialises STS Query-protocol requests (form-urlencoded POST to "/", Version=2011-06-15).</summary>
public static class StsRequests
{
    public const string ApiVersion = "2011-06-15";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>GetCallerIdentity: a read, safe to repeat.</summary>
    public static AwsWireRequest GetCallerIdentity() =>
        new("GetCallerIdentity", "POST", "/", string.Empty, Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=" + ApiVersion), ContentType, SafeToRetry: true);

    /// <summary>
    /// AssumeRole: each call issues new temporary credentials and changes nothing else, so repeating it after a lost
    /// answer is harmless (safe to retry).
    /// </summary>
    public static AwsWireRequest AssumeRole(string roleArn, string sessionName, int durationSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        var body = "Action=AssumeRole&Version=" + ApiVersion
            + "&RoleArn=" + Uri.EscapeDataString(roleArn)
            + "&RoleSessionName=" + Uri.EscapeDataString(sessionName)
            + "&DurationSeconds=" + durationSeconds.ToString(CultureInfo.InvariantCulture);
        return new("AssumeRole", "POST", "/", string.Empty, Encoding.UTF8.GetBytes(body), ContentType, SafeToRetry: true);
    }
}
