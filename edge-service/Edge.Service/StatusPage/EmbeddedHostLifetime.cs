using Microsoft.Extensions.Hosting;

namespace Edge.Service.StatusPage;

/// <summary>The page's web host runs inside the service's Generic Host, which owns Ctrl+C and SIGTERM:
/// this lifetime listens to no signal, so only the service stops the page.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
