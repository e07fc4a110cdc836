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
}
