using Edge.Service.Configuration;
using Edge.Service.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage;

/// <summary>The local read-only status page for agency IT: HTML, <c>/api/status</c>, <c>/metrics</c>
/// and <c>/healthz</c> over plain HTTP on the LAN side, behind HTTP Basic. Its own small web host
/// (Kestrel only: no configuration files, no console logging, no signal handling) inside the
/// service, which gives it its logging and stops it.</summary>
public sealed class StatusPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private StatusPageServer(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The addresses actually listened on (with the port chosen when the settings say 0).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public static async Task<StatusPageServer> StartAsync(StatusPageSettings settings, IStatusSource source,
        StatusPagePassword password, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        var addresses = ListenAddresses.Resolve(settings);
        var listeners = new List<ListenOptions>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "edge-service",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A page for a few people: cap what a flood of connections can hold open.
            kestrel.Limits.MaxConcurrentConnections = 64;
            kestrel.Limits.MaxRequestBodySize = 0;
            foreach (var address in addresses)
                kestrel.Listen(address, settings.Port, listeners.Add);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(new WebHostLoggerFactory(loggerFactory)));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedHostLifetime>());

        var app = builder.Build();
        var limiter = new FailedLoginLimiter(time);
        app.Use(next => new SecurityHeaders(next).InvokeAsync);
        app.Use(next => new ReadOnlyMethods(next).InvokeAsync);
        app.Use(next => new BasicAuthentication(next, password, limiter).InvokeAsync);
        StatusPageRoutes.Map(app, source);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Kestrel puts the bound endpoint back in its listen options: the real port when 0 was asked.
        var bound = listeners.Select(l => new Uri($"http://{l.IPEndPoint}/")).ToList();
        var logger = loggerFactory.CreateLogger<StatusPageServer>();
        StatusPageLog.Listening(logger, bound);
        if (password.Created)
            StatusPageLog.PasswordCreated(logger, password.ClearTextPath);
        return new StatusPageServer(app, bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
