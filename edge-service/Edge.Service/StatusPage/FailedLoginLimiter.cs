using System.Net;

namespace Edge.Service.StatusPage;

/// <summary>Counts wrong passwords per client: after <see cref="MaxFailures"/> in one minute, that
/// client is refused until the minute (counted from its first failure) is over. Each guess costs the
/// Pi a PBKDF2 run, so this bounds the CPU one guesser can burn as well as the guesses.</summary>
internal sealed class FailedLoginLimiter(TimeProvider time, int capacity = 1024)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Clients beyond the capacity share this one window: a flood of addresses is limited together
    // rather than let in.
    private static readonly IPAddress Overflow = IPAddress.IPv6None;

    private readonly Dictionary<IPAddress, (DateTimeOffset Start, int Failures)> _clients = [];
    private readonly Lock _lock = new();

    /// <summary>How long the client must still wait, or zero when it may try.</summary>
    public TimeSpan RetryAfter(IPAddress? client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_clients.TryGetValue(KeyOf(client), out var window) && !_clients.TryGetValue(Overflow, out window))
                return TimeSpan.Zero;
            var left = window.Start + Window - now;
            return window.Failures >= MaxFailures && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed(IPAddress? client)
    {
        var now = time.GetUtcNow();
        var key = KeyOf(client);
        lock (_lock)
        {
            if (!_clients.ContainsKey(key) && _clients.Count >= capacity)
            {
                Forget(now);
                if (_clients.Count >= capacity)
                    key = Overflow;
            }
            _clients[key] = _clients.TryGetValue(key, out var window) && now - window.Start < Window
                ? (window.Start, window.Failures + 1)
                : (now, 1);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (client, window) in _clients)
        {
            if (now - window.Start >= Window)
                _clients.Remove(client);
        }
    }

    private static IPAddress KeyOf(IPAddress? client) => client switch
    {
        null => IPAddress.None,
        { IsIPv4MappedToIPv6: true } => client.MapToIPv4(),
        _ => client,
    };
}
