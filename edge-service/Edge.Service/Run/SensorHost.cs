using Edge.Firmware.Slots;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;
using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Service.Firmware;
using Edge.Service.Status;
using Edge.Service.Systemd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Run;

/// <summary><c>edge-service run</c> under the .NET Generic Host. The parts start in this order and stop
/// in the reverse one: the front panel (LEDs say "booting"), the pipeline (outbox, uplink, capture),
/// the status page, then READY=1 to systemd.</summary>
public static class SensorHost
{
    public static int Run(EdgeSettings settings, RunOptions options)
    {
        var firmware = FirmwareTrial.Open(settings.Firmware, TimeProvider.System);
        var boot = firmware.Start();
        if (boot.Verdict == BootVerdict.RolledBack)
        {
            // current points at the previous slot again: exit so systemd starts that version.
            Console.Error.WriteLine($"edge-service run: firmware trial failed, back to slot {boot.Slot}: {boot.Reason}");
            return 1;
        }
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "edge-service",
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        EdgeLogging.Configure(builder.Logging);
        // A failed start is reported once, below, without the host's own copy of the stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        var services = builder.Services;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(25));
        services.Configure<ConsoleLifetimeOptions>(console => console.SuppressStatusMessages = true);
        services.AddSingleton<IHostLifetime, ConsoleLifetime>();
        services.AddSingleton(settings);
        services.AddSingleton(options);
        services.AddSingleton(firmware);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => SystemdNotifier.FromEnvironment());
        services.AddSingleton<SensorPipeline>();
        services.AddSingleton<SensorStatusService>();
        services.AddSingleton<IStatusSource, SensorStatusSource>();
        services.AddHostedService(provider => provider.GetRequiredService<SensorStatusService>());
        services.AddHostedService(provider => provider.GetRequiredService<SensorPipeline>());
        services.AddHostedService<StatusPageService>();
        services.AddHostedService<SystemdReadiness>();

        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Edge");
        var pipeline = host.Services.GetRequiredService<SensorPipeline>();
        var panel = host.Services.GetRequiredService<SensorStatusService>();
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (BoardProfileException e)
        {
            RunLog.BadBoard(log, e.Message);
            return 2;
        }
        catch (ConfigurationException e)
        {
            RunLog.BadConfiguration(log, e.Message);
            return 2;
        }
        catch (Exception e) when (e is CaptureException or GpioUnavailableException or IOException or UnauthorizedAccessException)
        {
            RunLog.CannotStart(log, e.Message);
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RunLog.StartFailed(log, e, e.Message);
            return 1;
        }
        try
        {
            host.WaitForShutdown();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What was flushed stays flushed; the exit code still says why the sensor stopped.
            RunLog.StopFailed(log, e, e.Message);
        }
        if (panel.FactoryResetDone)
            return FactoryReset.ExitCode;
        if (pipeline.Failed is not null)
            return 1;
        return pipeline.DrainedAtEnd == false ? 3 : 0;
    }
}
