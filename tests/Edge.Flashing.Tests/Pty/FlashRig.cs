using System.Security.Cryptography;
using Edge.Flashing.Agent;
using Edge.Flashing.Client;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;

namespace Edge.Flashing.Tests.Pty;

/// <summary>A laptop link, a sensor link, a bundle, and an agent serving the sensor link with a recording install hook.</summary>
internal sealed class FlashRig : IAsyncDisposable
{
    private CancellationTokenSource? _agentStop;
    private Task _agentRun = Task.CompletedTask;

    public FlashRig(int bundleBytes, int seed = 1)
    {
        var bytes = new byte[bundleBytes];
        new Random(seed).NextBytes(bytes);
        Bundle = bytes;
        File.WriteAllBytes(BundlePath, bytes);
    }

    public TempDir Dir { get; } = new();
    public byte[] Bundle { get; }
    public string BundlePath => Dir["bundle.edge"];
    public string Laptop => Dir["laptop"];
    public string Sensor => Dir["sensor"];
    public string Staging => Dir["staging"];
    public FlashAgent? Agent { get; private set; }
    public byte[]? Installed { get; private set; }
    public FlashOutcome Outcome { get; set; } = FlashOutcome.Success("slot B armed");

    public void StartAgent()
    {
        var options = new FlashAgentOptions
        {
            StagingDirectory = Staging,
            Board = "rpi4b",
            SensorId = "sensor-test",
            SoftwareVersion = "test",
            ReopenDelay = TimeSpan.FromMilliseconds(50),
            Activity = Activity,
        };
        Agent = new FlashAgent(options, SerialPortStream.Opener(Sensor), InstallAsync);
        _agentStop = new CancellationTokenSource();
        var token = _agentStop.Token;
        _agentRun = Task.Run(() => Agent.RunAsync(token));
    }

    /// <summary>Stops the agent the way a kill would: no last checkpoint (see <see cref="FlashAgent.RunAsync"/>).</summary>
    public async Task KillAgentAsync()
    {
        if (_agentStop is null)
            return;
        await _agentStop.CancelAsync();
        try { await _agentRun.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { }
        _agentStop.Dispose();
        _agentStop = null;
    }

    public FlashClient Client(FlashClientOptions? options = null) =>
        new(options ?? new FlashClientOptions
        {
            InitialRetransmitTimeout = TimeSpan.FromMilliseconds(400),
            MaxRetransmitTimeout = TimeSpan.FromSeconds(2),
            ReconnectBudget = TimeSpan.FromSeconds(10),
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        }, SerialPortStream.Opener(Laptop));

    /// <summary>Given to the agent as <see cref="FlashAgentOptions.Activity"/>.</summary>
    public Action<FlashActivity, string?>? Activity { get; init; }

    /// <summary>What the hook was handed last.</summary>
    public TransferKind? InstalledKind { get; private set; }

    private Task<FlashOutcome> InstallAsync(FlashPayload payload, CancellationToken cancellationToken)
    {
        Installed = File.ReadAllBytes(payload.Path);
        InstalledKind = payload.Kind;
        return Task.FromResult(Outcome);
    }

    public void AssertInstalledExactly()
    {
        Assert.NotNull(Installed);
        Assert.Equal(SHA256.HashData(Bundle), SHA256.HashData(Installed));
    }

    public static CancellationToken Within(TimeSpan limit)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(limit);
        return cts.Token;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAgentAsync();
        Dir.Dispose();
    }
}
