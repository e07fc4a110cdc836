using System.Net.Sockets;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// Which transport failures every client (AWS and Kubernetes) retries: a name that does not resolve, a refused
/// connection or a failed TLS handshake is the same on the next attempt a second later, so retrying it only makes
/// the user wait; it fails at once with its cause.
/// </summary>
public static class TransportFailures
{
    public static bool CannotSucceedOnRetry(Exception? exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return true;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }
}
