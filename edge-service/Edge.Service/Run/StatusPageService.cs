using Edge.Service.Configuration;
using Edge.Service.Status;
using Edge.Service.StatusPage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Run;

/// <summary>Runs the status page inside the sensor's host while <c>Edge:StatusPage:Enabled</c>.</summary>
public sealed class StatusPageService(EdgeSettings settings, IStatusSource source, ILoggerFactory loggerFactory,
    TimeProvider time) : IHostedService
{
    private StatusPageServer? _server;

    public IReadOnlyList<Uri> Addresses => _server?.Addresses ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.StatusPage.Enabled)
            return;
        var state = StatePaths.Resolve(settings.Sensor.StateDirectory);
        var password = StatusPagePassword.LoadOrCreate(state.Root, time);
        _server = await StatusPageServer.StartAsync(settings.StatusPage, source, password, loggerFactory, time, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
        _server = null;
    }
}
