using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage;

/// <summary>The service's logger factory as the page's web host sees it: ASP.NET Core's own categories
/// log warnings and errors only, so a browser tab refreshing every 2 s does not write two request
/// lines to the journal each time. The service owns the factory: disposing this leaves it open.</summary>
internal sealed class WebHostLoggerFactory(ILoggerFactory service) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = service.CreateLogger(categoryName);
        return categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) ? new WarningsOnly(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => service.AddProvider(provider);

    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
