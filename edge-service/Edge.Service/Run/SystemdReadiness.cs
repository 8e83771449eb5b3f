using Edge.Service.Systemd;
using Microsoft.Extensions.Hosting;

namespace Edge.Service.Run;

/// <summary>Registered last, so it starts last and stops first: READY=1 once every other part has
/// started, STOPPING=1 as soon as a stop begins.</summary>
public sealed class SystemdReadiness(SystemdNotifier systemd) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        systemd.Ready();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        systemd.Stopping();
        return Task.CompletedTask;
    }
}
