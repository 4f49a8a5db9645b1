using System.Net;
using System.Net.Sockets;
using McpPlatform.Governance.Audit;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// Where refused requests come from, as the refusal limit counts them: an IPv4 address, or the /64
/// network of an IPv6 address (one subscriber usually holds a whole /64, so counting single IPv6
/// addresses would let one client be 2^64 sources). IPv4-mapped IPv6 addresses count as IPv4.
/// </summary>
internal readonly record struct RefusalSource(UInt128 Value, bool IsV6)
{
    /// <summary>The source of a connection; an unknown address (in-process test servers) is one source.</summary>
    public static RefusalSource Of(IPAddress? address)
    {
        if (address is null)
        {
            return default;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return default;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            bytes[8..].Clear(); // keep the /64 network
        }

        var value = UInt128.Zero;
        foreach (var b in bytes[..written])
        {
            value = (value << 8) | b;
        }

        return new RefusalSource(value, address.AddressFamily == AddressFamily.InterNetworkV6);
    }

    /// <summary>The address (IPv4) or network (IPv6, as <c>2001:db8::/64</c>) for the summary record.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[16];
        var value = Value;
        var length = IsV6 ? 16 : 4;
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        var address = new IPAddress(bytes[..length]);
        return IsV6 ? address + "/64" : address.ToString();
    }
}
