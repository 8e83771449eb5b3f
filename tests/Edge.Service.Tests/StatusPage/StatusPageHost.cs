using System.Net.Http.Headers;
using System.Text;
using Edge.Service.Configuration;
using Edge.Service.StatusPage;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.StatusPage;

/// <summary>A status page on 127.0.0.1 and a free port, with its password in a fresh state folder.</summary>
public sealed class StatusPageHost : IAsyncDisposable
{
    private readonly TempFolder _state;

    private StatusPageHost(TempFolder state, StatusPageServer server, FakeStatusSource source, FixedTime time)
    {
        _state = state;
        Server = server;
        Source = source;
        Time = time;
        Password = File.ReadAllText(Path.Combine(state.Path, StatusPagePassword.ClearTextFileName)).Trim();
    }

    public StatusPageServer Server { get; }

    public FakeStatusSource Source { get; }

    public FixedTime Time { get; }

    public string Password { get; }

    public static async Task<StatusPageHost> StartAsync()
    {
        var state = new TempFolder();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var source = new FakeStatusSource(TestSnapshots.Monitoring());
        var password = StatusPagePassword.LoadOrCreate(state.Path, time);
        var settings = new StatusPageSettings { Address = "127.0.0.1", Port = 0 };
        var server = await StatusPageServer.StartAsync(settings, source, password, NullLoggerFactory.Instance, time,
            TestContext.Current.CancellationToken);
        return new StatusPageHost(state, server, source, time);
    }

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Server.Addresses[0] };

    public HttpClient As(string user, string password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public HttpClient Admin() => As("admin", Password);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _state.Dispose();
    }
}
