using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Replay;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Uplink.Tests.Commands.TestSupport;

/// <summary>A sensor (<c>agency-a</c>/<c>sensor-1</c>) trusting key <c>team-1</c>, on a fake clock,
/// with recording actions, and the incident team's signer to talk to it.</summary>
internal sealed class CommandFixture : IDisposable
{
    public const string Agency = "agency-a";
    public const string Sensor = "sensor-1";
    public const string KeyId = "team-1";

    // Fixed keys so failures reproduce: the team's, and one the sensor does not trust.
    public static readonly byte[] TeamPrivateKey = Convert.FromHexString("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    public static readonly byte[] OtherPrivateKey = Convert.FromHexString("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");

    private int _nextId;

    public CommandFixture(CommandOptions? options = null)
    {
        WorkDirectory = Directory.CreateTempSubdirectory("edge-cmd-tests-").FullName;
        Options = (options ?? new CommandOptions { Agency = Agency, Sensor = Sensor }) with { WorkDirectory = WorkDirectory };
        Signer = new CommandSigner(KeyId, TeamPrivateKey);
        Keys = new TrustedKeys().Add(KeyId, Signer.PublicKey);
        Processor = new CommandProcessor(Options, Keys, Actions, Seen, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    public RecordingSensorActions Actions { get; } = new();
    public InMemorySeenCommandStore Seen { get; } = new();
    public CommandOptions Options { get; }
    public CommandSigner Signer { get; }
    public TrustedKeys Keys { get; }
    public CommandProcessor Processor { get; }
    public string WorkDirectory { get; }

    public CommandRequest Request(string name, JsonObject? args = null) =>
        new($"cmd-{++_nextId:D6}", name, Agency, Sensor, Time.GetUtcNow()) { Args = args };

    public Task<CommandResult> SendAsync(CommandRequest request) => SendRawAsync(request.Name, Signer.Sign(request));

    public Task<CommandResult> SendRawAsync(string topicName, byte[] payload) =>
        Processor.HandleAsync(topicName, payload, TestContext.Current.CancellationToken);

    public Task<CommandResult> RunAsync(string name, JsonObject? args) => SendAsync(Request(name, args));

    /// <summary>The result's JSON as published, read back.</summary>
    public static JsonElement Published(CommandResult result) => JsonDocument.Parse(result.ToUtf8Json()).RootElement.Clone();

    public void Dispose()
    {
        Processor.Dispose();
        Directory.Delete(WorkDirectory, recursive: true);
    }
}
