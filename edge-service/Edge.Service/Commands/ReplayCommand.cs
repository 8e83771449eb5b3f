using System.CommandLine;
using Edge.Detect.Alerts;
using Edge.Service.Configuration;
using Edge.Service.EventLog;
using Edge.Service.Replay;
using Edge.Service.Uplink;
using Edge.Watch.Pipeline;

namespace Edge.Service.Commands;

/// <summary><c>edge-service replay FILE… [--events OUT|-]</c>: offline, as fast as possible.</summary>
internal static class ReplayCommand
{
    public static string BundledSample => Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "pcap or pcapng files, replayed in order as one capture (default: the bundled sample)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var events = new Option<string?>("--events")
        {
            Description = "write the event log (one JSON object per line) to this file, or - for standard output",
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "never draw a progress bar" };
        var suppress = new Option<string[]>("--suppress")
        {
            Description = "suppression files (rule=, category=, client=, dst=, indicator=, reason=, expires=); repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var noDetect = new Option<bool>("--no-detect")
        {
            Description = "decode and extract only, no detectors (the decode-only throughput and allocation figures)",
        };
        var intel = new Option<string[]>("--intel")
        {
            Description = "threat-intel list files or folders (default: the bundled sample lists); repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var config = new Option<string?>("--config")
        {
            Description = "settings file (appsettings.json format) over the bundled appsettings.json; Edge__… environment variables override both",
        };
        var evidence = new Option<string?>("--evidence")
        {
            Description = "keep each alerting flow's packets as <alert id>.pcap in this folder (the evidence store; default Edge:Evidence:Directory, off when empty)",
        };
        var publish = new Option<bool>("--publish")
        {
            Description = "also send the alerts through the durable outbox to the broker (Edge:Uplink:Broker; without one, an embedded broker on 127.0.0.1)",
        };
        var command = new Command("replay", "Replay capture files through the sensor pipeline as fast as possible")
        {
            files, events, noProgress, intel, noDetect, suppress, config, evidence, publish,
        };
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(events), parse.GetValue(noProgress),
            parse.GetValue(intel) ?? [], parse.GetValue(noDetect), parse.GetValue(suppress) ?? [], parse.GetValue(config),
            parse.GetValue(evidence), parse.GetValue(publish)));
        return command;
    }

    private static int Run(string[] files, string? eventsTarget, bool noProgress, string[] intel, bool noDetect, string[] suppress,
        string? configFile, string? evidenceFolder, bool publish)
    {
        if (publish && noDetect)
        {
            Console.Error.WriteLine("edge-service replay: --publish needs detection (it sends alerts); drop --no-detect");
            return 2;
        }
        EdgeSettings settings;
        try
        {
            settings = EdgeConfiguration.LoadWithOverrides(configFile);
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine($"edge-service replay: bad configuration: {e.Message}");
            return 2;
        }
        if (evidenceFolder is not null)
            settings.Evidence.Directory = evidenceFolder;
        var keepEvidence = settings.Evidence.Directory.Length > 0;
        if (keepEvidence && noDetect)
        {
            Console.Error.WriteLine("edge-service replay: --evidence needs detection (it keeps the packets of alerts); drop --no-detect");
            return 2;
        }
        foreach (var path in suppress)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"edge-service replay: no such suppression file: {path}");
                return 2;
            }
        }
        for (var i = 0; i < settings.Intel.Lists.Count; i++)
        {
            var path = settings.Intel.Lists[i];
            if (intel.Length == 0 && !File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"edge-service replay: bad configuration: Edge:Intel:Lists:{i}: no such intel list or folder: {path}");
                return 2;
            }
        }
        foreach (var path in intel)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"edge-service replay: no such intel list or folder: {path}");
                return 2;
            }
        }
        if (files.Length == 0)
            files = [BundledSample];
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"edge-service replay: no such file: {file}");
                return 2;
            }
        }
        var toStdout = eventsTarget == "-";
        // With the event log on standard output, the summary goes to standard error.
        var report = toStdout ? Console.Error : Console.Out;
        EventLogWriter? writer = null;
        ReplayPublisher? publisher = null;
        try
        {
            if (eventsTarget is not null)
                writer = toStdout
                    ? new EventLogWriter(Console.OpenStandardOutput(), ownsOutput: false)
                    : new EventLogWriter(File.Create(eventsTarget), ownsOutput: true);
            var evidence = keepEvidence ? new ReplayEvidence(settings.Evidence) : null;
            var published = new LateAlertSink();
            IAlertSink alerts = (writer, publish) switch
            {
                (null, false) => NullAlertSink.Instance,
                (null, true) => published,
                (_, false) => writer,
                _ => new AlertFanOut(writer, published),
            };
            var detection = noDetect ? null : new ReplayDetection(intel, alerts, suppress, settings, evidence?.Recorder);
            foreach (var error in detection?.SuppressionErrors ?? [])
                Console.Error.WriteLine($"edge-service replay: suppression skipped: {error}");
            var runner = new ReplayRunner(new WatchOptions(), Observer(evidence, detection, writer));
            if (publish && detection is not null)
            {
                publisher = ReplayPublisher.StartAsync(settings, configFile, detection, () => Figures(runner, detection))
                    .GetAwaiter().GetResult();
                published.Target = publisher.Uplink.Alerts;
            }
            var result = ShowProgress(toStdout, noProgress)
                ? RunWithProgressBar(runner, files)
                : runner.Run(files);
            detection?.Pipeline.Flush();
            evidence?.Finish();
            writer?.Flush();
            ReplaySummary.Write(report, result with { EventsWritten = writer?.Written ?? 0, Alerts = detection?.Pipeline.Counters, Evidence = evidence },
                toStdout ? "standard output" : eventsTarget);
            if (publisher is not null && !publisher.FinishAsync(report, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult())
            {
                Console.Error.WriteLine("edge-service replay: the broker did not take every alert within 30 s; the rest stay in the outbox for the next start");
                return 3;
            }
            return 0;
        }
        catch (Edge.Service.Configuration.ConfigurationException e)
        {
            Console.Error.WriteLine($"edge-service replay: bad configuration: {e.Message}");
            return 2;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"edge-service replay: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(eventsTarget is null
                ? $"edge-service replay: {e.Message}"
                : $"edge-service replay: cannot write the event log to {eventsTarget}: {e.Message}");
            return 1;
        }
        finally
        {
            publisher?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            writer?.Dispose();
        }
    }

    private static PipelineFigures Figures(ReplayRunner runner, ReplayDetection detection)
    {
        if (runner.Engine is not { } engine)
            return default;
        var alerts = detection.Pipeline.Counters;
        return new PipelineFigures(engine.Counters.Packets, 0, engine.Errors.Total, engine.Flows.Counters.Created,
            engine.Counters.DnsMessages, alerts.Suppressed, alerts.RateLimited);
    }

    /// <summary>The evidence recorder first, so the packet that raises an alert is already kept when
    /// detection asks for it; the event log last.</summary>
    private static IWatchObserver Observer(ReplayEvidence? evidence, ReplayDetection? detection, EventLogWriter? writer)
    {
        var observers = new List<IWatchObserver>(3);
        if (evidence is not null)
            observers.Add(evidence.Recorder);
        if (detection is not null)
            observers.Add(detection.Engine);
        if (writer is not null)
            observers.Add(writer);
        return observers.Count switch
        {
            0 => NullWatchObserver.Instance,
            1 => observers[0],
            _ => new CompositeWatchObserver([.. observers]),
        };
    }

    private static bool ShowProgress(bool eventsToStdout, bool noProgress) =>
        !noProgress && !eventsToStdout && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");

    private static ReplayResult RunWithProgressBar(ReplayRunner runner, string[] files)
    {
        var line = new ProgressLine(Console.Out, TimeProvider.System, TerminalWidth());
        try
        {
            return runner.Run(files, line.Report);
        }
        finally
        {
            line.Erase();
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth - 1 : 79;
        }
        catch (IOException)
        {
            return 79;
        }
    }
}
