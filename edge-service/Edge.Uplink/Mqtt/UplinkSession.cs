using MQTTnet;

namespace Edge.Uplink.Mqtt;

/// <summary>One live connection: its client, the token that fires when it is lost (broker gone,
/// dead link, stop) and why it was lost.</summary>
public sealed class UplinkSession : IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly TaskCompletionSource<string> _lostReason = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UplinkSession(IMqttClient client, LinkWatchdog watchdog)
    {
        Client = client;
        Watchdog = watchdog;
    }

    public IMqttClient Client { get; }

    public LinkWatchdog Watchdog { get; }

    public MqttClientConnectResult? ConnectResult { get; set; }

    public CancellationToken Lost => _lost.Token;

    public Task<string> LostTask => _lostReason.Task;

    public void MarkLost(string reason)
    {
        if (_lostReason.TrySetResult(reason))
        {
            try
            {
                _lost.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        MarkLost("closed");
        Client.Dispose();
        _lost.Dispose();
    }
}
