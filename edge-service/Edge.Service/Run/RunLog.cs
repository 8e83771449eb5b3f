using Microsoft.Extensions.Logging;

namespace Edge.Service.Run;

/// <summary>The log lines of <c>edge-service run</c> (source-generated, so a filtered level costs nothing).</summary>
internal static partial class RunLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "watching {Source}; alerts to {Broker}; state in {State}")]
    public static partial void Watching(ILogger logger, string source, string broker, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "intel loaded with {BadLines} bad line(s) and {Warnings} file warning(s); `edge-service intel check` names them")]
    public static partial void IntelProblems(ILogger logger, long badLines, int warnings);

    [LoggerMessage(Level = LogLevel.Critical, Message = "the capture thread failed")]
    public static partial void CaptureCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "capture stopped: {Error}")]
    public static partial void CaptureStopped(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "end of {Source}: {Packets} packets, {Alerts} alerts")]
    public static partial void EndOfFile(ILogger logger, string source, long packets, long alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the broker did not take every alert within {Seconds} s; the rest stay in the outbox")]
    public static partial void NotDrained(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "the capture thread did not stop within 10 s")]
    public static partial void CaptureStuck(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "bad board profile: {Error}")]
    public static partial void BadBoard(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "bad configuration: {Error}")]
    public static partial void BadConfiguration(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "the sensor could not start: {Error}")]
    public static partial void CannotStart(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "the sensor could not start: {Error}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "front panel wired as on a {Board}: GPIO {Chip} ({Why}), {Leds} LEDs")]
    public static partial void Board(ILogger logger, string board, string chip, string why, string leds);

    [LoggerMessage(Level = LogLevel.Information, Message = "state {State}: {Reason} (LEDs {Signal})")]
    public static partial void State(ILogger logger, string state, string reason, string signal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "button: {What}")]
    public static partial void Button(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "factory configuration restored (removed: {Removed}); restarting")]
    public static partial void FactoryReset(ILogger logger, string removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "hardware watchdog {Device}: {Timeout} s, petted every {Interval} s while healthy")]
    public static partial void HardwareWatchdog(ILogger logger, string device, double timeout, int interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "hardware watchdog {Device} not opened: {Error}; running without it")]
    public static partial void HardwareWatchdogUnavailable(ILogger logger, string device, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "this is a {Board}, but its GPIO is simulated: {Why}")]
    public static partial void DetectedBoardSimulated(ILogger logger, string board, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "factory reset failed: {Error}")]
    public static partial void FactoryResetFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "stopping failed: {Error}")]
    public static partial void StopFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "firmware trial failed, going back to the previous slot: {Reason}")]
    public static partial void TrialFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "firmware in slot {Slot} is healthy: the update is kept")]
    public static partial void TrialPassed(ILogger logger, string slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "firmware {Version} was rolled back; reported as alert {AlertId}")]
    public static partial void RollbackReported(ILogger logger, string version, string alertId);

    [LoggerMessage(Level = LogLevel.Error, Message = "the rollback of firmware {Version} could not be stored as an alert ({Error}); the next start tries again")]
    public static partial void RollbackNotStored(ILogger logger, string version, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "the rollback alert for firmware {Version} is stored, but the slot state could not record it ({Error}); the next start sends it again under the same id")]
    public static partial void RollbackNotMarked(ILogger logger, string version, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog: WATCHDOG=1 every {Interval} while healthy")]
    public static partial void SystemdWatchdog(ILogger logger, TimeSpan interval);
}
