using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Systemd;

/// <summary>Where the service logs: straight to journald when systemd runs it with a journal, else
/// one line per entry on the console (UTC timestamps), for a terminal or a container.</summary>
public static class EdgeLogging
{
    /// <param name="environment">Looks up an environment variable; null reads the process's.</param>
    /// <param name="journalSocket">journald's native socket; tests pass their own.</param>
    public static void Configure(ILoggingBuilder builder, Func<string, string?>? environment = null, string journalSocket = JournaldLoggerProvider.DefaultSocket)
    {
        builder.ClearProviders();
        if (UsesJournal(environment ?? Environment.GetEnvironmentVariable, journalSocket))
        {
            // Made by the container, so the container disposes it (and its socket) at shutdown.
            builder.Services.AddSingleton<ILoggerProvider>(_ => new JournaldLoggerProvider(journalSocket));
            return;
        }
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.IncludeScopes = false;
        });
    }

    /// <summary>systemd sets JOURNAL_STREAM when our output goes to the journal and INVOCATION_ID for
    /// every unit it starts; either, with journald's socket there, means the native protocol works.</summary>
    public static bool UsesJournal(Func<string, string?> environment, string journalSocket) =>
        (!string.IsNullOrEmpty(environment("JOURNAL_STREAM")) || !string.IsNullOrEmpty(environment("INVOCATION_ID")))
        && File.Exists(journalSocket);
}
