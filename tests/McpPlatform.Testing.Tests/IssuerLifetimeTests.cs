using System.Net;
using System.Net.Sockets;

namespace McpPlatform.Testing.Tests;

public sealed class IssuerLifetimeTests
{
    [Fact]
    public async Task Issuer_listens_on_127_0_0_1_only()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();

        var address = new Uri(Assert.Single(issuer.ListenAddresses));

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(issuer.BaseAddress.Port, address.Port);
        Assert.Equal($"http://127.0.0.1:{address.Port}/", issuer.BaseAddress.AbsoluteUri);
        Assert.True(await CanConnectAsync(IPAddress.Loopback, address.Port));
        if (Socket.OSSupportsIPv6)
        {
            Assert.False(await CanConnectAsync(IPAddress.IPv6Loopback, address.Port));
        }
    }

    [Fact]
    public async Task Two_issuers_get_different_ports_and_keys()
    {
        await using var first = await TestOidcIssuer.StartAsync();
        await using var second = await TestOidcIssuer.StartAsync();

        Assert.NotEqual(first.Issuer, second.Issuer);
        Assert.NotEqual(first.ActiveKeyId, second.ActiveKeyId);
    }

    [Fact]
    public async Task Dispose_stops_the_listener_and_can_be_repeated()
    {
        var issuer = await TestOidcIssuer.StartAsync();
        var port = issuer.BaseAddress.Port;
        using var http = DiscoveryTests.LoopbackHttp();
        await http.GetStringAsync(issuer.DiscoveryUri);

        await issuer.DisposeAsync();
        await issuer.DisposeAsync();

        Assert.False(await CanConnectAsync(IPAddress.Loopback, port));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(issuer.DiscoveryUri));
    }

    private static async Task<bool> CanConnectAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            await client.ConnectAsync(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
