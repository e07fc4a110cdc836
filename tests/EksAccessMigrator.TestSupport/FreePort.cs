using System.Net;
using System.Net.Sockets;

namespace EksAccessMigrator.TestSupport;

/// <summary>A free TCP port on the loopback interface.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
