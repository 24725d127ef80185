using System.Net;
using System.Net.Sockets;

namespace Jixiao.Web.Auth;

/// <summary>Where a request comes from, as the login throttle (<see cref="LoginThrottle"/>) counts it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The address a request comes from, as counted: an IPv4 address, or an IPv6 address's /64 network (one host often
    /// holds a whole /64). Behind a reverse proxy this is the client's address only when the proxy is trusted
    /// (Jixiao:TrustedProxies, docs/web.md); otherwise every request seems to come from the proxy.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
