using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.IntegrationTests.Mqtt.TestSupport;

/// <summary>A real mosquitto for one test: its own config in a temp folder, a free port on
/// 127.0.0.1, and the faults the uplink must survive: kill -9, restart on the same port,
/// SIGSTOP/SIGCONT. Every wait is bounded.</summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);
    private readonly string _extraConfig;
    private Process? _process;

    private MosquittoProcess(DirectoryInfo directory, int port, string extraConfig)
    {
        Directory = directory;
        Port = port;
        _extraConfig = extraConfig;
    }

    public static string? Binary => new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists);

    /// <summary>Skips the test when mosquitto is not installed (tools/dev/deps.sh installs it).</summary>
    public static void RequireInstalled()
    {
        if (Binary is null)
            Assert.Skip("mosquitto is not installed: run tools/dev/deps.sh");
    }

    public DirectoryInfo Directory { get; }

    public int Port { get; }

    public string Url => $"mqtt://127.0.0.1:{Port}";

    public int Pid => _process?.Id ?? 0;

    public string LogFile => Path.Combine(Directory.FullName, "mosquitto.log");

    public string Log => File.Exists(LogFile) ? ReadShared(LogFile) : "";

    /// <param name="listenerConfig">Lines after the <c>listener</c> line (TLS, auth); the default is
    /// anonymous plain MQTT.</param>
    /// <param name="extraConfig">Global lines (persistence etc.).</param>
    public static async Task<MosquittoProcess> StartAsync(string listenerConfig = "allow_anonymous true", string extraConfig = "")
    {
        RequireInstalled();
        var directory = System.IO.Directory.CreateTempSubdirectory("edge-mosquitto-");
        var mosquitto = new MosquittoProcess(directory, FreePort(), "");
        File.WriteAllText(Path.Combine(directory.FullName, "mosquitto.conf"), $"""
            user {Environment.UserName}
            log_dest file {mosquitto.LogFile}
            log_type all
            log_timestamp_format %H:%M:%S
            max_queued_messages 0
            persistence_location {directory.FullName}/
            {extraConfig}
            listener {mosquitto.Port} 127.0.0.1
            {listenerConfig}

            """);
        await mosquitto.StartProcessAsync();
        return mosquitto;
    }

    /// <summary>Starts with a whole config made by <paramref name="config"/> from the port and the
    /// folder (for a deployment config); logging and the run-as user are set before it.</summary>
    public static async Task<MosquittoProcess> StartWithConfigAsync(Func<int, DirectoryInfo, string> config)
    {
        RequireInstalled();
        var directory = System.IO.Directory.CreateTempSubdirectory("edge-mosquitto-");
        var mosquitto = new MosquittoProcess(directory, FreePort(), "");
        File.WriteAllText(mosquitto.ConfigFile, $"user {Environment.UserName}\nlog_dest file {mosquitto.LogFile}\nlog_type all\n{config(mosquitto.Port, directory)}\n");
        await mosquitto.StartProcessAsync();
        return mosquitto;
    }

    public string ConfigFile => Path.Combine(Directory.FullName, "mosquitto.conf");

    /// <summary>Writes a file next to the config (certificates, password and ACL files).</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(Binary!, ["-c", ConfigFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}:\n{Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>kill -9: no clean shutdown, nothing saved.</summary>
    public void KillHard()
    {
        var process = _process ?? throw new InvalidOperationException("not running");
        if (process.HasExited)
            return;
        Signal("KILL");
        if (!process.WaitForExit(10_000))
            throw new TimeoutException("mosquitto did not die on SIGKILL");
        process.Dispose();
        _process = null;
    }

    /// <summary>Starts again on the same port with the same config and persistence folder.</summary>
    public Task RestartAsync()
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException("still running");
        return StartProcessAsync();
    }

    /// <summary>SIGSTOP: the process freezes, its sockets stay open, nothing answers.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    /// <summary>SIGUSR1 makes mosquitto write its persistence database; waits for the file.</summary>
    public async Task SaveDatabaseAsync()
    {
        var db = Path.Combine(Directory.FullName, "mosquitto.db");
        var before = File.Exists(db) ? File.GetLastWriteTimeUtc(db) : DateTime.MinValue;
        Signal("USR1");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(db) || File.GetLastWriteTimeUtc(db) == before)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("mosquitto did not save its database on SIGUSR1");
            await Task.Delay(20);
        }

        await Task.Delay(100);
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (!kill.WaitForExit(5_000) || kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {Pid} failed");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Signal("CONT");
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
