using System.Net;
using System.Net.Sockets;

namespace Reassess.Testing.Http;

public static class LoopbackPort
{
    /// <summary>A 127.0.0.1 port nothing listens on: bound once to find it, then closed (for a server that needs its port up front, or for one that is not there).</summary>
    public static int Unused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
