using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace Edge.Uplink.Embedded;

/// <summary>An in-process MQTT broker on 127.0.0.1 for development, when no broker is configured:
/// plain MQTT, no accounts, retained messages and persistent sessions kept in memory. Not for an
/// appliance in the field (nothing leaves the machine, nothing survives a restart).</summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>mqtt://127.0.0.1:{port}</c>, what <c>Edge:Uplink:Broker</c> would say.</summary>
    public string Url => $"mqtt://127.0.0.1:{Port}";

    public async Task<int> ClientCountAsync() => (await _server.GetClientsAsync().ConfigureAwait(false)).Count;

    /// <summary>Drops every client's connection; their sessions stay (a network fault, as the sensor sees it).</summary>
    public async Task DropConnectionsAsync()
    {
        foreach (var client in await _server.GetClientsAsync().ConfigureAwait(false))
            await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MQTTnet.Protocol.MqttDisconnectReasonCode.ServerShuttingDown }).ConfigureAwait(false);
    }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>, or on a free port when it is 0.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var chosen = port == 0 ? FreePort() : port;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(chosen)
            .WithPersistentSessions()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedBroker(server, chosen);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
