using System.Collections.Concurrent;
using Edge.Service.Configuration;
using Edge.Service.StatusPage;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusPageLoggingTests
{
    [Fact]
    public async Task The_page_logs_through_the_service_where_its_password_is_but_not_every_request()
    {
        using var state = new TempFolder();
        var recorder = new Recorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorder).SetMinimumLevel(LogLevel.Trace));
        var password = StatusPagePassword.LoadOrCreate(state.Path, TimeProvider.System);
        var clear = File.ReadAllText(password.ClearTextPath).Trim();
        await using (var server = await StatusPageServer.StartAsync(new StatusPageSettings { Address = "127.0.0.1", Port = 0 },
            new FakeStatusSource(TestSnapshots.Monitoring()), password, factory, TimeProvider.System, TestContext.Current.CancellationToken))
        {
            using var client = new HttpClient { BaseAddress = server.Addresses[0] };
            (await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).Dispose();
            Assert.Contains(recorder.Lines, l => l.Contains($"status page on {server.Addresses[0]}", StringComparison.Ordinal));
        }

        Assert.Contains(recorder.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(password.ClearTextPath, StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Lines, l => l.Contains(clear, StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Lines, l => l.Contains("Microsoft.", StringComparison.Ordinal) && !l.StartsWith("Warning", StringComparison.Ordinal) && !l.StartsWith("Error", StringComparison.Ordinal) && !l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Lines, l => l.Contains("/healthz", StringComparison.Ordinal));
    }

    private sealed class Recorder : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Recorder recorder, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                recorder.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
