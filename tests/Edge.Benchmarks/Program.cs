using BenchmarkDotNet.Running;

namespace Edge.Benchmarks;

public static class Program
{
    // All of BenchmarkDotNet's options apply: --filter '*', --job short, --list flat, ...
    // --intel-scale runs the intel compile/swap memory check instead (see Intel/IntelScaleCheck.cs);
    // it starts itself again with --intel-scale-case for each case. --detect-ratio [COPIES] times the
    // corpus replay decode only and with every detector (see Engine/DetectionThroughputCheck.cs).
    // --alert-throughput [COUNT] [full|normal] times raise -> SQLite outbox -> PUBACK (Uplink/AlertThroughputCheck.cs).
    // --mqtt-throughput [COUNT] [IN-FLIGHT] [BROKER] times outbox -> PUBACK into mosquitto (Uplink/MqttThroughputCheck.cs).
    // --led-timing [SECONDS] measures how late LED edges come on the real clock (Hardware/LedTimingCheck.cs).
    // --ingest-rate [COUNT] [BATCH] [STORE] times parse + commit of alerts into the incident store (Collect/IngestRateCheck.cs).
    // --collect-rate [COUNT] [PUBLISHERS] [STORE] [BATCH] times publishers -> mosquitto -> edgectl collect -> store, with its RSS (Collect/CollectRateCheck.cs).
    // --dns-serve PORT [SECONDS] [UPSTREAM] runs the DNS forwarder on 127.0.0.1:PORT with a table resolver (or forwarding all to UPSTREAM), for dnsperf (Resolve/ForwarderServeCheck.cs).
    public static void Main(string[] args)
    {
        if (args is [Resolve.ForwarderServeCheck.Argument, .. var serveArgs] && serveArgs.Length is >= 1 and <= 3)
            Resolve.ForwarderServeCheck.Run(serveArgs);
        else if (args is [Uplink.AlertThroughputCheck.Argument, .. var alertArgs])
            Uplink.AlertThroughputCheck.Run(alertArgs);
        else if (args is ["--intel-scale", .. var only] && only.Length <= 1)
            Intel.IntelScaleCheck.Run(only.FirstOrDefault());
        else if (args is [Engine.DetectionThroughputCheck.Argument, .. var copies] && copies.Length <= 1)
            Engine.DetectionThroughputCheck.Run(copies.Length == 0 ? 226 : int.Parse(copies[0], System.Globalization.CultureInfo.InvariantCulture));
        else if (args is [Uplink.MqttThroughputCheck.Argument, .. var rest] && rest.Length <= 3)
            Uplink.MqttThroughputCheck.Run(rest);
        else if (args is [Collect.IngestRateCheck.Argument, .. var ingestArgs] && ingestArgs.Length <= 3)
            Collect.IngestRateCheck.Run(ingestArgs);
        else if (args is [Collect.CollectRateCheck.Argument, .. var collectArgs] && collectArgs.Length <= 4)
            Collect.CollectRateCheck.Run(collectArgs);
        else if (args is [Hardware.LedTimingCheck.Argument, .. var ledArgs] && ledArgs.Length <= 1)
            Hardware.LedTimingCheck.Run(ledArgs);
        else if (args is [Intel.IntelScaleCase.Argument, var name, var folder])
            Intel.IntelScaleCase.Run(name, folder);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
