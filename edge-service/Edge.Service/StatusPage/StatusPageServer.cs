using System.Net;
using Edge.Service.Configuration;
using Edge.Service.Status;
using Edge.Service.StatusPage.Http;
using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage;

/// <summary>The local read-only status page for agency IT: HTML, <c>/api/status</c>, <c>/metrics</c>
/// and <c>/healthz</c> over plain HTTP on the LAN side, behind HTTP Basic, served by the sensor's own
/// small HTTP/1.1 server (<see cref="ReadOnlyHttpServer"/>).</summary>
public sealed class StatusPageServer : IAsyncDisposable
{
    private readonly ReadOnlyHttpServer _server;

    private StatusPageServer(ReadOnlyHttpServer server)
    {
        _server = server;
        Addresses = server.Endpoints.Select(e => new Uri($"http://{e}/")).ToList();
    }

    /// <summary>The addresses actually listened on (with the port chosen when the settings say 0).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <exception cref="IOException">An address cannot be listened on.</exception>
    public static Task<StatusPageServer> StartAsync(StatusPageSettings settings, IStatusSource source,
        StatusPagePassword password, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var endpoints = ListenAddresses.Resolve(settings).Select(a => new IPEndPoint(a, settings.Port));
        var responder = new StatusPageResponder(source, new BasicAuthentication(password, new FailedLoginLimiter(time)));
        var logger = loggerFactory.CreateLogger<StatusPageServer>();
        var server = new StatusPageServer(ReadOnlyHttpServer.Start(endpoints, responder.Respond, SecurityHeaders.All, time, logger));
        StatusPageLog.Listening(logger, server.Addresses);
        if (password.Created)
            StatusPageLog.PasswordCreated(logger, password.ClearTextPath);
        return Task.FromResult(server);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _server.StopAsync().WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
