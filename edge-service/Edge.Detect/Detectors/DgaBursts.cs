using System.Text;
using Edge.Watch.Net;

namespace Edge.Detect.Detectors;

/// <summary>Per client, generated-looking names that failed to resolve within a window; reports the
/// moment a client reaches the burst size, once per window. Only such names reach it, so it stays
/// small; past <see cref="DetectionOptions.MaxDgaClients"/> the stalest client is forgotten.</summary>
internal sealed class DgaBursts(DetectionOptions options)
{
    private const int SampleNames = 3;

    private readonly Dictionary<IpAddr, Client> _clients = [];
    private readonly long _windowMicros = options.DgaWindowSeconds * 1_000_000L;

    /// <summary>True when this name completes a burst; <paramref name="samples"/> names a few of them.</summary>
    public bool Add(in IpAddr client, ReadOnlySpan<byte> name, long nowMicros, out string samples)
    {
        samples = "";
        if (!_clients.TryGetValue(client, out var state))
        {
            if (_clients.Count >= options.MaxDgaClients)
                ForgetStalest();
            state = new Client();
            _clients[client] = state;
        }
        if (nowMicros - state.WindowStart > _windowMicros)
        {
            state.WindowStart = nowMicros;
            state.Count = 0;
            state.Reported = false;
            state.Samples.Clear();
        }
        state.LastSeen = nowMicros;
        state.Count++;
        if (state.Samples.Count < SampleNames)
            state.Samples.Add(Encoding.ASCII.GetString(name));
        if (state.Reported || state.Count < options.DgaBurst)
            return false;
        state.Reported = true;
        samples = string.Join(", ", state.Samples);
        return true;
    }

    private void ForgetStalest()
    {
        IpAddr stalest = default;
        var oldest = long.MaxValue;
        foreach (var (address, state) in _clients)
        {
            if (state.LastSeen < oldest)
            {
                oldest = state.LastSeen;
                stalest = address;
            }
        }
        _clients.Remove(stalest);
    }

    private sealed class Client
    {
        public long WindowStart { get; set; } = long.MinValue / 2;
        public long LastSeen { get; set; }
        public int Count { get; set; }
        public bool Reported { get; set; }
        public List<string> Samples { get; } = [];
    }
}
