using Microsoft.Extensions.Logging;

namespace Edge.Service.Systemd;

/// <summary>One category's logger; the provider does the writing. Levels are filtered by the logger
/// factory's rules (the Logging section of appsettings.json), not here.</summary>
internal sealed class JournaldLogger(string category, JournaldLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var message = formatter(state, exception);
        if (string.IsNullOrEmpty(message))
            message = exception?.Message ?? "";
        provider.Write(logLevel, category, eventId, message, exception, state as IReadOnlyList<KeyValuePair<string, object?>>);
    }
}
